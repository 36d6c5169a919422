import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFileBlobStore, getBlobStore } from "@/lib/server/blobs/blob-store";
import { bootDatabase, type Db, shutdownDatabase } from "@/lib/server/db/client";
import { photos, rectificationItems } from "@/lib/server/db/schema";
import { serverEnv } from "@/lib/server/env";
import { verifyItemChain } from "@/lib/server/rectification/event-log";
import { demoPhoto } from "@/lib/server/seed/demo-photos";
import { systemClock } from "@/lib/utils/clock";

import { buildCounty } from "../../helpers/builders/county";
import {
  aFinding,
  domainUser,
  insertPhotos,
  issueTestNotice,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/**
 * The round trip an operator relies on: `npm run backup` of a district with rectification items
 * (hash-chained events) and photos, `npm run restore` into a fresh data directory, start, and find
 * every row, every chain and every photo's bytes as they were.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-backup-test-"));
fs.chmodSync(work, 0o755);
const archive = path.join(work, "backup.tar.gz");
// An empty DATA_DIR that the postgres user can enter, as an operator prepares one.
const freshDir = path.join(work, "fresh");
fs.mkdirSync(freshDir, { mode: 0o755 });
const port = 26_000 + Math.floor(Math.random() * 5_000);

let t: TestDatabase;

function cli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", `lib/server/cli/${script}.ts`, ...args],
    {
      env: { ...process.env, LOG_LEVEL: "silent", S3_ENDPOINT: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code: code ?? 1, output })));
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.execute<{ name: string }>(
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await db.execute<{ n: number }>(
      sql.raw(`SELECT count(*)::int AS n FROM public."${name}"`),
    );
    counts[name] = result.rows[0]!.n;
  }
  return counts;
}

async function chains(db: Db): Promise<Record<string, boolean>> {
  const items = await db.select({ id: rectificationItems.id }).from(rectificationItems);
  const verified: Record<string, boolean> = {};
  for (const { id } of items) verified[id] = (await verifyItemChain(db, id)).ok;
  return verified;
}

let before: { counts: Record<string, number>; chains: Record<string, boolean>; photoIds: string[] };

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  // A notice with two findings, one closed on site: rectification events and two stored photos.
  const shots = [demoPhoto(1, "before"), demoPhoto(2, "after")];
  for (const shot of shots) await getBlobStore().put(shot.id, shot.bytes, shot.mime);
  const inspector = await domainUser(t.db, "inspector1");
  await insertPhotos(
    t.db,
    shots.map((shot) => shot.id),
    inspector.id,
  );
  await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    now: systemClock.now(),
    findings: [
      aFinding("XF-012", { photoIds: [shots[0]!.id] }),
      aFinding("XF-004", { rectification: { mode: "on_site", afterPhotoIds: [shots[1]!.id] } }),
    ],
  });
  before = {
    counts: await rowCounts(t.db),
    chains: await chains(t.db),
    photoIds: (await t.db.select({ id: photos.id }).from(photos)).map((p) => p.id).sort(),
  };
});
afterAll(async () => {
  await shutdownDatabase();
  await t.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("npm run backup → npm run restore", () => {
  it("rebuilds a fresh data directory with every row, hash chain and photo", async () => {
    expect(before.counts.rectification_events).toBeGreaterThan(0);
    expect(before.photoIds.length).toBeGreaterThan(0);

    const backup = await cli("backup", ["--out", archive], {
      DATABASE_URL: t.url,
      DATA_DIR: serverEnv().dataDir,
    });
    expect(backup.output).toContain("备份已写入");
    expect(backup.code).toBe(0);

    const restoreEnv = { DATABASE_URL: "", DATA_DIR: freshDir, EMBEDDED_PG_PORT: String(port) };
    const restore = await cli("restore", [archive], restoreEnv);
    expect(restore.output).toContain("已从");
    expect(restore.code).toBe(0);

    await t.drop();
    const restored = await bootDatabase({ dataDir: freshDir, embeddedPort: port });
    expect(restored.kind).toBe("embedded");
    expect(await rowCounts(restored.db)).toEqual(before.counts);
    const restoredChains = await chains(restored.db);
    expect(restoredChains).toEqual(before.chains);
    expect(Object.values(restoredChains).every(Boolean)).toBe(true);

    const blobs = createFileBlobStore(path.join(freshDir, "blobs"));
    for (const id of before.photoIds) {
      const blob = await blobs.get(id);
      expect(blob, id).not.toBeNull();
      const bytes = Buffer.from(await new Response(blob!.body).arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(id);
    }
    await shutdownDatabase();
    process.stdout.write(
      `backup round trip: ${Object.keys(before.counts).length} tables, ` +
        `${Object.values(before.counts).reduce((a, b) => a + b, 0)} rows, ${Object.keys(before.chains).length} hash chains, ` +
        `${before.photoIds.length} photos, archive ${fs.statSync(archive).size} bytes\n`,
    );

    const again = await cli("restore", [archive], restoreEnv);
    expect(again.code).toBe(1);
    expect(again.output).toContain("已有数据");
    expect(again.output).toContain("--force");
    // Three commands, each a fresh Node process, and a first start (initdb) of the restored PostgreSQL.
  }, 240_000);
});
