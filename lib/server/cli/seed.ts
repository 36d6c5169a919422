/**
 * `npm run seed [-- --reset]`: seeds the demo district into an empty database; with --reset, empties
 * every table first. Stop `npm start` before resetting the embedded database.
 */
import { bootServer } from "../boot";
import { getDb, shutdownDatabase } from "../db/client";
import { resetDatabase } from "../db/maintenance";
import { seedDemo } from "../seed/seed";

async function main(): Promise<void> {
  const reset = process.argv.includes("--reset");
  const { seeded } = await bootServer();
  if (reset) {
    await resetDatabase(getDb());
    await seedDemo(getDb());
    console.warn("已清空数据库并重新生成示范数据。");
  } else {
    console.warn(
      seeded === "demo"
        ? "已生成示范数据。"
        : "数据库已有数据，未做改动（使用 --reset 重建示范数据）。",
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => shutdownDatabase());
