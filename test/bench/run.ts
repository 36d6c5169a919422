/**
 * `npm run bench`: the performance budgets of issues #4, #8, #10 and #11, measured against the real
 * app (built and started with `npm start`) in the system Chromium, printed next to their budgets.
 * Those of issue #11 run on the seed:scale database (test/bench/scale-db.ts). Exits 1 if any figure
 * is over budget. Not part of `npm test`: timings belong here, never in unit tests.
 */
import { chromium, type Browser } from "@playwright/test";

import { startAppServer, signInCookie } from "./app-server";
import { firstLoadJsBytes, INSPECTOR_ROUTES, measureCompression } from "./measure-browser";
import { measureInspectorUi } from "./measure-inspector-ui";
import { measurePhone, measureSignIn, PHONE_CPU_SLOWDOWN, PHONE_ITEMS } from "./measure-phone";
import { IMPORT_SCHOOLS, measureSchoolImport } from "./measure-school-import";
import {
  measurePushStorm,
  measureSync,
  publishBenchTemplate,
  PUSH_BATCH,
  PUSH_CLIENTS,
  SYNC_ANSWERS,
  SYNC_PHOTOS,
} from "./measure-sync";
import { type BudgetRow as Row, measureOfficeReads } from "./office-reads";
import { CHROMIUM_ARGS } from "../helpers/chromium";

/** `npm run bench -- push sync` measures only those groups; no arguments measures them all. */
const GROUPS = ["js", "ui", "compression", "sync", "push", "import", "phone", "scale"] as const;
const only = process.argv.slice(2);
for (const group of only) {
  if (!(GROUPS as readonly string[]).includes(group)) throw new Error(`未知的测量项：${group}`);
}
const wants = (group: (typeof GROUPS)[number]) => only.length === 0 || only.includes(group);

/** The phone profile: a 150-item visit and the sign-in page on a CPU throttled 4×, 390×844. */
async function phoneRows(browser: Browser, baseUrl: string): Promise<Row[]> {
  const template = await publishBenchTemplate(baseUrl, PHONE_ITEMS, "手机性能测试模板");
  const phone = await measurePhone(browser, baseUrl, template);
  const signIn = await measureSignIn(browser, baseUrl);
  const at = `手机 ${PHONE_CPU_SLOWDOWN}× 降速`;
  return [
    {
      what: `${at}：${PHONE_ITEMS} 项检查，首题可见（3 次打开的中位数）`,
      measured: phone.firstQuestionMs,
      budget: 500,
      unit: "ms",
    },
    { what: `${at}：全部行渲染完成`, measured: phone.allRowsMs, budget: 900, unit: "ms" },
    {
      what: `${at}：全部行由页面自身渲染（快照让位）`,
      measured: phone.liveRowsMs,
      budget: null,
      unit: "ms",
    },
    {
      what: `${at}：点选（抬指）到下一帧（中位数）`,
      measured: phone.tapToFrameP50Ms,
      budget: 50,
      unit: "ms",
      note: `p90 ${phone.tapToFrameP90Ms.toFixed(1)} ms`,
    },
    {
      what: `${at}：首题之前的主线程时间`,
      measured: phone.mainThreadBeforeFirstQuestionMs,
      budget: null,
      unit: "ms",
      note: `其中线程 CPU ${phone.mainThreadCpuBeforeFirstQuestionMs.toFixed(0)} ms`,
    },
    {
      what: `${at}：作答 30 项后的 JS 堆`,
      measured: phone.heapAfterAnswersMb,
      budget: null,
      unit: "MB",
    },
    {
      what: "检查页首屏 JS（gzip，首题可答之前加载的全部脚本）",
      measured: phone.visitPageJsBytes / 1024,
      budget: 200,
      unit: "KB",
      note: `${phone.visitPageScripts} 个脚本`,
    },
    {
      what: "登录页 JS（gzip）",
      measured: signIn.jsBytes / 1024,
      budget: null,
      unit: "KB",
    },
    {
      what: `${at}：登录页总阻塞时间`,
      measured: signIn.totalBlockingMs,
      budget: null,
      unit: "ms",
    },
  ];
}

async function main(): Promise<number> {
  const rows: Row[] = [];
  if (GROUPS.some((group) => group !== "scale" && wants(group))) rows.push(...(await measureApp()));
  if (wants("scale")) rows.push(...(await measureOfficeReads()));
  return report(rows);
}

/** Every group but `scale`: the demo app built and started with `npm start`. */
async function measureApp(): Promise<Row[]> {
  const server = await startAppServer(Number(process.env.BENCH_PORT ?? 3310));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const rows: Row[] = [];
  try {
    if (wants("js")) {
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
    }

    const template =
      wants("ui") || wants("sync") || wants("push")
        ? await publishBenchTemplate(server.baseUrl)
        : null;
    if (template && wants("ui")) {
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
    }

    if (wants("compression")) {
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
    }

    if (template && wants("sync")) {
      const sync = await measureSync(server.baseUrl, template);
      rows.push({
        what: `同步 ${SYNC_ANSWERS} 条作答与 ${SYNC_PHOTOS} 张照片（本机回环）`,
        measured: sync.ms / 1000,
        budget: 10,
        unit: "s",
        note: `${sync.mutations} 条变更`,
      });
    }

    if (template && wants("push")) {
      const storm = await measurePushStorm(server.baseUrl, template);
      rows.push({
        what: `同步推送吞吐（${PUSH_CLIENTS} 台手机同时推送，每批 ${PUSH_BATCH} 条）`,
        measured: storm.mutationsPerSecond,
        budget: 2000,
        unit: "条/s",
        atLeast: true,
        note: `${storm.mutations} 条变更，${storm.unavailable} 次 503 后重试`,
      });
      rows.push({
        what: `同步推送每批耗时 p95（${PUSH_CLIENTS} 台手机同时推送）`,
        measured: storm.batchP95Ms,
        budget: 500,
        unit: "ms",
        note: `p50 ${storm.batchP50Ms.toFixed(0)} ms`,
      });
      rows.push({
        what: "推送高峰时 /api/health 响应 p95",
        measured: storm.healthP95Ms,
        budget: 200,
        unit: "ms",
        note: `最长 ${storm.healthMaxMs.toFixed(0)} ms，${storm.unhealthy} 次非 200`,
      });
    }

    if (wants("import")) {
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
    }

    if (wants("phone")) rows.push(...(await phoneRows(browser, server.baseUrl)));
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
    const ok =
      row.budget === null ||
      (row.atLeast ? row.measured >= row.budget : row.measured <= row.budget);
    if (!ok) over++;
    const figure = `${row.measured.toFixed(row.unit === "s" ? 2 : 1)} ${row.unit}`;
    const budget =
      row.budget === null ? "" : `（预算 ${row.atLeast ? "≥" : "≤"} ${row.budget} ${row.unit}）`;
    process.stdout.write(
      `${row.budget === null ? "·" : ok ? "✓" : "✗"} ${row.what}: ${figure}${budget}${row.note ? `  [${row.note}]` : ""}\n`,
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
