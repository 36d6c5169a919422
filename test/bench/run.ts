/**
 * `npm run bench`: the performance budgets of issue #4, measured against the real app (built and
 * started with `npm start`) in the system Chromium, and those of issue #11 on the seed:scale
 * database (test/bench/scale-db.ts), printed next to their budgets. Exits 1 if any figure is over
 * budget. `-- --only app` or `-- --only scale` runs one half. Not part of `npm test`: timings belong
 * here, never in unit tests.
 */
import { chromium } from "@playwright/test";

import { startAppServer, signInCookie } from "./app-server";
import { firstLoadJsBytes, INSPECTOR_ROUTES, measureCompression } from "./measure-browser";
import { measureInspectorUi } from "./measure-inspector-ui";
import { IMPORT_SCHOOLS, measureSchoolImport } from "./measure-school-import";
import { measureSync, publishBenchTemplate, SYNC_ANSWERS, SYNC_PHOTOS } from "./measure-sync";
import { type BudgetRow as Row, measureOfficeReads } from "./office-reads";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function main(): Promise<number> {
  const only = process.argv[process.argv.indexOf("--only") + 1];
  const rows: Row[] = [];
  if (only !== "scale") rows.push(...(await measureApp()));
  if (only !== "app") rows.push(...(await measureOfficeReads()));
  return report(rows);
}

async function measureApp(): Promise<Row[]> {
  const server = await startAppServer(Number(process.env.BENCH_PORT ?? 3310));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const rows: Row[] = [];
  try {
    const inspector = await signInCookie(server.baseUrl, "inspector1");
    const perRoute: string[] = [];
    let worst = 0;
    for (const route of INSPECTOR_ROUTES) {
      const bytes = await firstLoadJsBytes(browser, server.baseUrl, inspector, route);
      perRoute.push(`${route} ${(bytes / 1024).toFixed(1)}`);
      worst = Math.max(worst, bytes);
    }
    rows.push({
      what: "督学端首屏 JS（gzip，最大路由）",
      measured: worst / 1024,
      budget: 200,
      unit: "KB",
      note: perRoute.join(" · "),
    });

    const template = await publishBenchTemplate(server.baseUrl);
    const ui = await measureInspectorUi(browser, server.baseUrl, template);
    rows.push({
      what: "离线刷新到可操作的检查表",
      measured: ui.offlineReloadMs,
      budget: 1000,
      unit: "ms",
    });
    rows.push({
      what: `点选作答到写入 IndexedDB（${template.items.length} 项检查，中位数）`,
      measured: ui.tapToPersistedMedianMs,
      budget: 16,
      unit: "ms",
      note: `${ui.taps} 次点选，p90 ${ui.tapToPersistedP90Ms.toFixed(1)} ms`,
    });

    const compression = await measureCompression(browser);
    rows.push({
      what: "压缩 4000×3000 JPEG：耗时",
      measured: compression.ms,
      budget: 800,
      unit: "ms",
    });
    rows.push({
      what: "压缩 4000×3000 JPEG：大小",
      measured: compression.bytes / 1024,
      budget: 500,
      unit: "KB",
    });

    const sync = await measureSync(server.baseUrl, template);
    rows.push({
      what: `同步 ${SYNC_ANSWERS} 条作答与 ${SYNC_PHOTOS} 张照片（本机回环）`,
      measured: sync.ms / 1000,
      budget: 10,
      unit: "s",
      note: `${sync.mutations} 条变更`,
    });

    const schoolImport = await measureSchoolImport(
      server.baseUrl,
      await signInCookie(server.baseUrl, "office"),
    );
    rows.push({
      what: `导入 ${IMPORT_SCHOOLS} 所学校（Excel，一个事务）`,
      measured: schoolImport.ms / 1000,
      budget: 30,
      unit: "s",
      note: `文件 ${(schoolImport.bytes / 1024).toFixed(0)} KB`,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
  return rows;
}

function report(rows: readonly Row[]): number {
  let over = 0;
  process.stdout.write("\n性能预算 (npm run bench)\n");
  for (const row of rows) {
    const ok = row.measured <= row.budget;
    if (!ok) over++;
    const figure = `${row.measured.toFixed(row.unit === "s" ? 2 : 1)} ${row.unit}`;
    process.stdout.write(
      `${ok ? "✓" : "✗"} ${row.what}: ${figure}（预算 ≤ ${row.budget} ${row.unit}）${row.note ? `  [${row.note}]` : ""}\n`,
    );
  }
  process.stdout.write(over === 0 ? "\n全部在预算之内。\n" : `\n${over} 项超出预算。\n`);
  return over === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
