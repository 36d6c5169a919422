/**
 * `npm run bench`: the performance budgets, measured against the real app (built and started with
 * `npm start`) in the system Chromium, printed next to their budgets. Exits 1 if any figure is over
 * budget. Not part of `npm test`: timings belong here, never in unit tests.
 *
 * `npm run bench -- import sync` measures only the named groups (js, ui, compression, sync, import).
 */
import { type Browser, chromium } from "@playwright/test";

import { startAppServer, signInCookie } from "./app-server";
import { firstLoadJsBytes, INSPECTOR_ROUTES, measureCompression } from "./measure-browser";
import { measureInspectorUi } from "./measure-inspector-ui";
import { IMPORT_SCHOOLS, measureSchoolImport } from "./measure-school-import";
import { measureSync, publishBenchTemplate, SYNC_ANSWERS, SYNC_PHOTOS } from "./measure-sync";

type Row = { what: string; measured: number; budget: number; unit: string; note?: string };

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

type Context = {
  baseUrl: string;
  browser: () => Promise<Browser>;
  template: () => ReturnType<typeof publishBenchTemplate>;
};

/** Each group of figures, by the name that selects it on the command line. */
const MEASUREMENTS: Record<string, (c: Context) => Promise<Row[]>> = {
  async js({ baseUrl, browser }) {
    const inspector = await signInCookie(baseUrl, "inspector1");
    const perRoute: string[] = [];
    let worst = 0;
    for (const route of INSPECTOR_ROUTES) {
      const bytes = await firstLoadJsBytes(await browser(), baseUrl, inspector, route);
      perRoute.push(`${route} ${(bytes / 1024).toFixed(1)}`);
      worst = Math.max(worst, bytes);
    }
    return [
      {
        what: "督学端首屏 JS（gzip，最大路由）",
        measured: worst / 1024,
        budget: 200,
        unit: "KB",
        note: perRoute.join(" · "),
      },
    ];
  },
  async ui({ baseUrl, browser, template }) {
    const bench = await template();
    const ui = await measureInspectorUi(await browser(), baseUrl, bench);
    return [
      { what: "离线刷新到可操作的检查表", measured: ui.offlineReloadMs, budget: 1000, unit: "ms" },
      {
        what: `点选作答到写入 IndexedDB（${bench.items.length} 项检查，中位数）`,
        measured: ui.tapToPersistedMedianMs,
        budget: 16,
        unit: "ms",
        note: `${ui.taps} 次点选，p90 ${ui.tapToPersistedP90Ms.toFixed(1)} ms`,
      },
    ];
  },
  async compression({ browser }) {
    const compression = await measureCompression(await browser());
    return [
      { what: "压缩 4000×3000 JPEG：耗时", measured: compression.ms, budget: 800, unit: "ms" },
      {
        what: "压缩 4000×3000 JPEG：大小",
        measured: compression.bytes / 1024,
        budget: 500,
        unit: "KB",
      },
    ];
  },
  async sync({ baseUrl, template }) {
    const sync = await measureSync(baseUrl, await template());
    return [
      {
        what: `同步 ${SYNC_ANSWERS} 条作答与 ${SYNC_PHOTOS} 张照片（本机回环）`,
        measured: sync.ms / 1000,
        budget: 10,
        unit: "s",
        note: `${sync.mutations} 条变更`,
      },
    ];
  },
  async import({ baseUrl }) {
    const schoolImport = await measureSchoolImport(baseUrl, await signInCookie(baseUrl, "office"));
    return [
      {
        what: `导入 ${IMPORT_SCHOOLS} 所学校（Excel，一个事务）`,
        measured: schoolImport.ms / 1000,
        budget: 30,
        unit: "s",
        note: `文件 ${(schoolImport.bytes / 1024).toFixed(0)} KB`,
      },
    ];
  },
};

async function main(selected: string[]): Promise<number> {
  const unknown = selected.filter((name) => !(name in MEASUREMENTS));
  if (unknown.length > 0) {
    process.stderr.write(
      `未知的测量项：${unknown.join("、")}（可选：${Object.keys(MEASUREMENTS).join("、")}）\n`,
    );
    return 2;
  }
  const names = selected.length > 0 ? selected : Object.keys(MEASUREMENTS);
  const server = await startAppServer(Number(process.env.BENCH_PORT ?? 3310));
  // Launched, and the bench template published, only when a selected group needs them.
  const started: {
    browser?: Promise<Browser>;
    template?: ReturnType<typeof publishBenchTemplate>;
  } = {};
  const context: Context = {
    baseUrl: server.baseUrl,
    browser: () =>
      (started.browser ??= chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: CHROMIUM_ARGS,
      })),
    template: () => (started.template ??= publishBenchTemplate(server.baseUrl)),
  };
  const rows: Row[] = [];
  try {
    for (const name of names) rows.push(...(await MEASUREMENTS[name]!(context)));
  } finally {
    if (started.browser) await (await started.browser).close();
    await server.stop();
  }

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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
