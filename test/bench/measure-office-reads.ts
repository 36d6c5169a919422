/**
 * The office read budgets of issue #11 on the seed:scale database, measured in this process through
 * the real route handlers (auth, scope, SQL, JSON — everything but the socket): the dashboard (each
 * filter combination the page offers), the ledger page, the review queue, the notice list, the visit
 * list and the 挂牌督导 coverage (p95 of a mix of first pages, later pages and filters), and the xlsx
 * export of ≈ 100k rows (this process's memory growth while it streams). Prints one JSON line
 * for test/bench/run.ts; with --explain, prints EXPLAIN (ANALYZE, BUFFERS) of the main queries.
 *
 * Run: node --import tsx --import ./test/bench/server-only-hook.mjs \
 *   test/bench/measure-office-reads.ts [--explain]
 */
import { drizzle } from "drizzle-orm/node-postgres";

import { addDays, toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { userSchema } from "@/lib/domain/org/org.schema";
import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { getDashboard as dashboardFigures } from "@/lib/server/analytics/dashboard";
import { getAuth } from "@/lib/server/auth/auth";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { getDatabaseInfo, getDb, shutdownDatabase } from "@/lib/server/db/client";
import * as schema from "@/lib/server/db/schema";
import { listNoticePage, listReviewQueue } from "@/lib/server/rectification/queries";
import { countItems, listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { SCALE_PASSWORD, SCALE_USERS } from "@/lib/server/seed/scale";

import { GET as getNotices } from "@/app/api/notices/route";
import { GET as getCoverage } from "@/app/api/office/coverage/route";
import { GET as getDashboard } from "@/app/api/office/dashboard/route";
import { GET as getLedgerXlsx } from "@/app/api/office/ledger.xlsx/route";
import { GET as getVisits } from "@/app/api/office/visits/route";
import { GET as getItems } from "@/app/api/rectification/items/route";
import { GET as getReviewQueue } from "@/app/api/rectification/review-queue/route";

import { openScaleDatabase } from "./scale-db";

const ORIGIN = "http://localhost:3000";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function signIn(username: string): Promise<string> {
  const response = await getAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/username`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        [CLIENT_IP_HEADER]: "127.0.0.1",
      },
      body: JSON.stringify({ username, password: SCALE_PASSWORD }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const get = (path: string, cookie: string) =>
  new Request(`${ORIGIN}${path}`, { headers: { cookie, origin: ORIGIN } });

type Timed = { label: string; ms: number };

async function timeJson(
  label: string,
  call: () => Promise<Response>,
): Promise<{ timed: Timed; body: Record<string, unknown> }> {
  const started = performance.now();
  const response = await call();
  const body = (await response.json()) as Record<string, unknown>;
  const ms = performance.now() - started;
  if (response.status !== 200)
    throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
  return { timed: { label, ms }, body };
}

function p95(samples: readonly Timed[]): { p95: number; worst: string } {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const at = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  return {
    p95: at.ms,
    worst: `${sorted[sorted.length - 1]!.label} ${sorted[sorted.length - 1]!.ms.toFixed(0)} ms`,
  };
}

/** The next page's cursor: the ledger, review and notice lists nest it in `page`. */
function nextCursor(body: Record<string, unknown>): string | null {
  const page = (body.page ?? body) as { next?: string | null };
  return page.next ?? null;
}

/** Follows `next` cursors `depth` pages deep from `path`, timing every page. */
async function walk(
  label: string,
  path: string,
  cookie: string,
  handler: (r: Request) => Promise<Response>,
  depth: number,
): Promise<Timed[]> {
  const times: Timed[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < depth; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const url: string = cursor ? `${path}${sep}after=${encodeURIComponent(cursor)}` : path;
    const { timed, body } = await timeJson(`${label} p${i + 1}`, () => handler(get(url, cookie)));
    times.push(timed);
    cursor = nextCursor(body);
    if (cursor === null) break;
  }
  return times;
}

async function userRow(username: string): Promise<User> {
  const { pool } = getDatabaseInfo()!;
  const { rows } = await pool.query(`SELECT * FROM "user" WHERE username = $1`, [username]);
  const row = rows[0] as Record<string, unknown>;
  return userSchema.parse({
    ...row,
    schoolId: row.school_id,
    districtId: row.district_id,
    cityId: row.city_id,
    mustChangePassword: row.must_change_password,
  });
}

async function explainMainQueries(office: User, city: User, inspectorId: string, now: number) {
  const { pool } = getDatabaseInfo()!;
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  });
  const run = async (title: string, call: () => Promise<unknown>) => {
    captured.length = 0;
    await call();
    for (const { query, params } of captured) {
      const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${query}`, params);
      process.stderr.write(
        `\n── ${title}\n${query}\n${plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}\n`,
      );
    }
  };
  const q = (s: string) => ledgerQuerySchema.parse(Object.fromEntries(new URLSearchParams(s)));
  await run("总览（区县督导室）", () => dashboardFigures(db, office, {}, now));
  await run("总览（市级）", () => dashboardFigures(db, city, {}, now));
  await run("台账第一页（区县督导室）", () => listItemPage(db, office, q("limit=50"), now));
  await run("台账：逾期 + 检查领域 + 督学（区县督导室）", () =>
    listItemPage(db, office, q(`limit=50&overdue=1&domain=fire&inspector=${inspectorId}`), now),
  );
  await run("台账：按整改期限排序（市级）", () =>
    listItemPage(db, city, q("limit=50&sort=due"), now),
  );
  await run("台账：搜索（市级）", () => listItemPage(db, city, q("limit=50&q=灭火器"), now));
  await run("待复核（区县督导室）", () => listReviewQueue(db, office, {}, now));
  await run("通知书列表（区县督导室）", () => listNoticePage(db, office, {}));
  await run("通知书列表（市级）", () => listNoticePage(db, city, {}));
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const database = await openScaleDatabase(log);
  try {
    const now = Date.now();
    const office = await signIn(SCALE_USERS.office(1));
    const city = await signIn(SCALE_USERS.city);
    const inspector = await userRow(SCALE_USERS.inspector(1));
    if (process.argv.includes("--explain")) {
      await explainMainQueries(
        await userRow(SCALE_USERS.office(1)),
        await userRow(SCALE_USERS.city),
        inspector.id,
        now,
      );
      return;
    }

    const ledgerPaths = [
      "/api/rectification/items?limit=50",
      "/api/rectification/items?limit=50&state=pending,in_progress,submitted,returned",
      "/api/rectification/items?limit=50&overdue=1",
      `/api/rectification/items?limit=50&domain=fire&inspector=${inspector.id}`,
      "/api/rectification/items?limit=50&sort=due",
      "/api/rectification/items?limit=50&q=灭火器",
      `/api/rectification/items?limit=50&from=${addDays(toChinaDate(now), -90)}&to=${toChinaDate(now)}`,
    ];
    // Warm-up: the first requests pay for module loading and cold caches.
    await walk("warm", ledgerPaths[0]!, office, getItems, 2);
    await walk("warm", "/api/notices", office, getNotices, 1);
    await walk("warm", "/api/rectification/review-queue", office, getReviewQueue, 1);

    const { rows: picks } = await getDatabaseInfo()!.pool.query<{ zone: string }>(
      `SELECT z.id AS zone FROM zones z JOIN "user" u ON u.district_id = z.district_id
        WHERE u.username = $1 LIMIT 1`,
      [SCALE_USERS.office(1)],
    );
    const zone = picks[0]!.zone;
    const month = toChinaDate(now).slice(0, 7);
    const lastMonth = addDays(`${month}-01`, -1).slice(0, 7);
    // The dashboard's filters as its page combines them (zone, domain, severity, inspector).
    const dashboardPaths = [
      "/api/office/dashboard",
      `/api/office/dashboard?zone=${zone}`,
      `/api/office/dashboard?zone=${zone}&domain=fire`,
      `/api/office/dashboard?inspector=${inspector.id}`,
      "/api/office/dashboard?severity=major&domain=campus_safety",
    ];
    const visitPaths = [
      "/api/office/visits",
      `/api/office/visits?zoneId=${zone}`,
      `/api/office/visits?inspectorId=${inspector.id}`,
      "/api/office/visits?kind=routine",
      "/api/office/visits?findings=yes",
      `/api/office/visits?from=${lastMonth}-01&to=${addDays(`${month}-01`, -1)}`,
    ];
    const coveragePaths = [
      "/api/office/coverage",
      `/api/office/coverage?month=${lastMonth}`,
      `/api/office/coverage?month=${lastMonth}&missing=1`,
      `/api/office/coverage?month=${lastMonth}&zoneId=${zone}`,
    ];
    await walk("warm", dashboardPaths[0]!, office, getDashboard, 1);
    await walk("warm", visitPaths[0]!, office, getVisits, 1);
    await walk("warm", coveragePaths[0]!, office, getCoverage, 1);

    const ledger: Timed[] = [];
    const review: Timed[] = [];
    const notices: Timed[] = [];
    const dashboard: Timed[] = [];
    const visits: Timed[] = [];
    const coverage: Timed[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of dashboardPaths) {
        dashboard.push(...(await walk("区县 " + path.slice(21), path, office, getDashboard, 1)));
      }
      dashboard.push(...(await walk("市级", dashboardPaths[0]!, city, getDashboard, 1)));
      for (const path of visitPaths) {
        visits.push(...(await walk("区县 " + path.slice(18), path, office, getVisits, 3)));
      }
      visits.push(...(await walk("市级", visitPaths[0]!, city, getVisits, 2)));
      for (const path of coveragePaths) {
        coverage.push(...(await walk("区县 " + path.slice(20), path, office, getCoverage, 2)));
      }
      coverage.push(...(await walk("市级", coveragePaths[0]!, city, getCoverage, 1)));
      for (const path of ledgerPaths) {
        ledger.push(...(await walk("区县 " + path.slice(27), path, office, getItems, 3)));
      }
      ledger.push(...(await walk("市级 第一页", ledgerPaths[0]!, city, getItems, 3)));
      ledger.push(...(await walk("市级 逾期", ledgerPaths[2]!, city, getItems, 2)));
      review.push(
        ...(await walk("区县", "/api/rectification/review-queue", office, getReviewQueue, 2)),
      );
      notices.push(...(await walk("区县", "/api/notices", office, getNotices, 3)));
      notices.push(...(await walk("市级", "/api/notices", city, getNotices, 3)));
    }

    // ≈ 100k rows: the whole city's items found in the last year.
    const from = addDays(toChinaDate(now), -365);
    const exportQuery = `from=${from}`;
    const cityUser = await userRow(SCALE_USERS.city);
    const exportRows = await countItems(getDb(), cityUser, ledgerQuerySchema.parse({ from }), now);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const response = await getLedgerXlsx(get(`/api/office/ledger.xlsx?${exportQuery}`, city));
    if (response.status !== 200) throw new Error(`ledger.xlsx: ${response.status}`);
    let bytes = 0;
    for await (const chunk of response.body!) bytes += chunk.byteLength;
    const exportMs = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    process.stdout.write(
      `${JSON.stringify({
        ledger: { ...p95(ledger), n: ledger.length },
        review: { ...p95(review), n: review.length },
        notices: { ...p95(notices), n: notices.length },
        dashboard: { ...p95(dashboard), n: dashboard.length },
        visits: { ...p95(visits), n: visits.length },
        coverage: { ...p95(coverage), n: coverage.length },
        xlsx: { rows: exportRows, growthMb: (peak - before) / 1024 / 1024, ms: exportMs, bytes },
      })}\n`,
    );
  } finally {
    await shutdownDatabase();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
