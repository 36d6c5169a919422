import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { bootDatabase, shutdownDatabase } from "@/lib/server/db/client";

import { GET as getHealth } from "@/app/api/health/route";
import { GET as getNotices } from "@/app/api/notices/route";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";

/**
 * The attack: the app's own embedded PostgreSQL is frozen with SIGSTOP (postmaster and every backend),
 * then resumed; later its postmaster is killed outright. The app must answer 503 quickly while the
 * database is gone and recover by itself, without being restarted.
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 2_000 };
let dataDir: string;
let cookie: string;

async function postmasterPid(): Promise<number> {
  const content = await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8");
  return Number(content.split("\n")[0]);
}

/** The postmaster and its children (the backends and background workers). */
async function postgresProcesses(): Promise<number[]> {
  const postmaster = await postmasterPid();
  const children: number[] = [];
  for (const entry of await fs.readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

async function timed(call: () => Promise<Response>): Promise<{ response: Response; ms: number }> {
  const started = performance.now();
  const response = await call();
  return { response, ms: Math.round(performance.now() - started) };
}

const health = () => getHealth(authedRequest("/api/health", null));
const notices = () => getNotices(authedRequest("/api/notices", cookie));

async function until(ok: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (await ok()) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not recovered within ${timeoutMs} ms`);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "duxue-db-faults-"));
  await fs.chmod(dataDir, 0o755);
  await shutdownDatabase();
  const port = 21_000 + Math.floor(Math.random() * 5_000);
  await bootDatabase({ dataDir, embeddedPort: port, timeouts: TIMEOUTS });
  await createUserWithRole({ username: "faultsinspector", role: "inspector" });
  cookie = await signInAs("faultsinspector");
});

afterAll(async () => {
  for (const pid of await postgresProcesses().catch(() => [])) process.kill(pid, "SIGCONT");
  await shutdownDatabase();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("PostgreSQL stalled with SIGSTOP, then resumed", () => {
  it("answers 503 quickly while stalled and recovers after SIGCONT", async () => {
    expect((await health()).status).toBe(200);
    expect((await notices()).status).toBe(200);

    const frozen = await postgresProcesses();
    for (const pid of frozen) process.kill(pid, "SIGSTOP");
    try {
      const stalledHealth = await timed(health);
      expect(stalledHealth.response.status).toBe(503);
      expect(stalledHealth.ms).toBeLessThan(2_000);
      const healthBody = (await stalledHealth.response.json()) as {
        status: string;
        reason: string;
      };
      expect(healthBody.status).toBe("error");
      expect(healthBody.reason).toContain("数据库暂时不可用");

      const stalledApi = await timed(notices);
      expect(stalledApi.response.status).toBe(503);
      expect(stalledApi.ms).toBeLessThan(TIMEOUTS.statementMs + TIMEOUTS.connectMs + 1_000);
      const body = (await stalledApi.response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        error: "database_unavailable",
        message: "数据库暂时不可用，请稍后再试",
      });
      expect(body.requestId).toBe(stalledApi.response.headers.get("x-request-id"));
      process.stdout.write(
        `stalled PostgreSQL: /api/health 503 in ${stalledHealth.ms} ms, /api/notices 503 in ${stalledApi.ms} ms\n`,
      );
    } finally {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
    }

    const recoveredIn = await until(async () => (await health()).status === 200, 10_000);
    expect((await notices()).status).toBe(200);
    process.stdout.write(`resumed PostgreSQL: healthy again after ${recoveredIn} ms\n`);
  });
});

describe("embedded postmaster killed", () => {
  it("is restarted by the app, which then answers as before", async () => {
    const killed = await postmasterPid();
    process.kill(killed, "SIGKILL");

    // The pool keeps idle connections (10 min), so the first request may still reach a backend
    // that has not yet noticed its postmaster is gone; otherwise it fails fast with the JSON 503.
    // Either way it neither hangs nor answers 500.
    const down = await timed(notices);
    expect([200, 503]).toContain(down.response.status);
    if (down.response.status === 503) {
      expect(await down.response.json()).toMatchObject({ error: "database_unavailable" });
    }

    // Recovered: a new postmaster, and the app healthy on it.
    const recoveredIn = await until(
      async () =>
        (await postmasterPid().catch(() => killed)) !== killed && (await health()).status === 200,
      30_000,
    );
    const response = await notices();
    expect(response.status).toBe(200);
    const healthBody = (await (await health()).json()) as {
      dbLatencyMs: number;
      pool: Record<string, number>;
    };
    expect(healthBody.pool.total).toBeGreaterThan(0);
    expect(healthBody.pool.waiting).toBe(0);
    process.stdout.write(`killed postmaster: restarted and healthy after ${recoveredIn} ms\n`);
  });
});
