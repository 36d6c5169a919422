/**
 * The province-like database the scale benches read (lib/server/seed/scale.ts): BENCH_DATABASE_URL
 * when set (seeded there if empty), otherwise an embedded PostgreSQL in a cached data dir — seeded
 * once (≈ 8 min for 5,000 schools on two busy cores) and reused by every later run. Size: BENCH_SCHOOLS
 * (5000) and BENCH_MONTHS (24). Runs where lib/server loads (see
 * server-only-hook.mjs).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { getBlobStore } from "@/lib/server/blobs/blob-store";
import { bootDatabase, getDatabaseInfo, getDb } from "@/lib/server/db/client";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded";
import { isDatabaseEmpty } from "@/lib/server/db/maintenance";
import { ensureAuthSecret } from "@/lib/server/secret";
import { seedScale } from "@/lib/server/seed/scale";

export const SCALE_SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 5000);
export const SCALE_MONTHS = Number(process.env.BENCH_MONTHS ?? 24);

/** The cached data dir of the embedded scale database (BENCH_SCALE_DIR overrides it). */
export function scaleDataDir(): string {
  return (
    process.env.BENCH_SCALE_DIR ??
    path.join(os.tmpdir(), "duxue-scale", `${SCALE_SCHOOLS}x${SCALE_MONTHS}`)
  );
}

export type ScaleDatabase = { url: string; stop(): Promise<void> };

/**
 * Boots the app's database layer (migrations included) on the scale database, seeding it first if it
 * is empty, and returns its URL. `log` reports the seed's progress.
 */
export async function openScaleDatabase(
  log: (line: string) => void,
  embeddedPort = Number(process.env.BENCH_PG_PORT ?? 23_390),
): Promise<ScaleDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  const dir = scaleDataDir();
  fs.mkdirSync(dir, { recursive: true });
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if (d.startsWith(os.tmpdir()) && d !== os.tmpdir()) fs.chmodSync(d, 0o755);
  }
  process.env.DATA_DIR ??= dir;
  ensureAuthSecret(dir);
  const embedded = external
    ? null
    : await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: embeddedPort });
  const url = external ?? embedded!.url;
  await bootDatabase({
    databaseUrl: url,
    dataDir: dir,
    embeddedPort,
    timeouts: { connectMs: 10_000, statementMs: 600_000 },
  });
  if (await isDatabaseEmpty(getDb())) {
    log(`种子数据库为空，生成 ${SCALE_SCHOOLS} 所学校 × ${SCALE_MONTHS} 个月（只需一次）…`);
    await seedScale(getDb(), getDatabaseInfo()!.pool, {
      schools: SCALE_SCHOOLS,
      months: SCALE_MONTHS,
      now: Date.now(),
      blobs: getBlobStore(),
      progress: log,
    });
  }
  return { url, stop: async () => embedded?.stop() };
}
