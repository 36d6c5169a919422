import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The embedded database after a real `kill -9`: the server process (booting exactly as the app does)
 * is killed without warning, alone or with its whole process group, and the next start must come up
 * with every row intact. This is the docs/architecture.md §5 "orphaned postmaster" case.
 */
const FIXTURE = path.join(process.cwd(), "test/fixtures/boot-server.ts");
let dataDir: string;
const port = 21_000 + Math.floor(Math.random() * 5_000);

function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", FIXTURE], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port),
      DATABASE_URL: "",
      ADMIN_USERNAME: "",
      ADMIN_PASSWORD: "",
    },
    detached: true, // its own process group, so the test can kill the group like a crashed supervisor would
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    child.stdout?.on("data", () => {
      if (out.includes("ready")) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const password = (await fs.readFile(path.join(dataDir, "pg.password"), "utf8")).trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password,
    database: "duxue",
  });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function killHard(child: ChildProcess, group: boolean): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    process.kill(group ? -child.pid! : child.pid!, "SIGKILL");
  });
}

describe("embedded PostgreSQL crash recovery", () => {
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "duxue-crash-"));
    await fs.chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    // Stop whatever postmaster is left, then remove the data.
    const pidFile = await fs
      .readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")
      .catch(() => null);
    const pid = Number(pidFile?.split("\n")[0]);
    if (pid > 0) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("keeps the seeded data across a clean stop and start", async () => {
    const first = await startServer();
    expect(first.output()).toContain("ready embedded");
    const [before] = await query<{ n: string }>("SELECT count(*) AS n FROM schools");
    await new Promise<void>((resolve) => {
      first.child.once("exit", () => resolve());
      first.child.kill("SIGTERM");
    });
    const second = await startServer();
    const [after] = await query<{ n: string }>("SELECT count(*) AS n FROM schools");
    expect(Number(before?.n)).toBe(30);
    expect(after?.n).toBe(before?.n);
    await killHard(second.child, true);
  });

  it("comes back with all data after kill -9 of the server process alone (orphaned postmaster)", async () => {
    const first = await startServer();
    await query(
      "INSERT INTO zones (id, district_id, name) SELECT '01900000-0000-7000-8000-000000000001', id, '崩溃前写入' FROM districts LIMIT 1",
    );
    await killHard(first.child, false);
    // The postmaster outlives its parent: that is what the next start has to deal with.
    const pid = Number(
      (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0],
    );
    expect(() => process.kill(pid, 0)).not.toThrow();

    const second = await startServer();
    expect(second.output()).toContain("ready embedded");
    const rows = await query<{ name: string }>("SELECT name FROM zones WHERE name = '崩溃前写入'");
    expect(rows).toHaveLength(1);
    await killHard(second.child, true);
  });

  it("comes back with all data after kill -9 of the whole process group (WAL recovery)", async () => {
    const first = await startServer();
    await query(
      "INSERT INTO zones (id, district_id, name) SELECT '01900000-0000-7000-8000-000000000002', id, '整组崩溃前写入' FROM districts LIMIT 1",
    );
    await killHard(first.child, true);

    const second = await startServer();
    const rows = await query<{ name: string }>(
      "SELECT name FROM zones WHERE name LIKE '%崩溃前写入' ORDER BY name",
    );
    expect(rows.map((r) => r.name)).toEqual(["崩溃前写入", "整组崩溃前写入"]);
    const [schools] = await query<{ n: string }>("SELECT count(*) AS n FROM schools");
    expect(Number(schools?.n)).toBe(30);
    await killHard(second.child, true);
  });
});
