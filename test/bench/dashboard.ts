/**
 * `npm run bench:dashboard`: the office dashboard's read model (lib/server/analytics/dashboard.ts)
 * timed against the database at BENCH_DATABASE_URL — meant for the province-like `seed:scale`
 * database — for each filter combination the dashboard offers, printed next to its budget
 * (p95 ≤ 200 ms, issue #11). Signs in nobody: it calls the read model as the district's first
 * office account (or BENCH_OFFICE, a username). Exits 1 over budget. Run with
 * `node --conditions=react-server --import tsx test/bench/dashboard.ts`.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";

import type { DashboardFilters } from "@/lib/domain/analytics/filters";
import { userSchema } from "@/lib/domain/org/org.schema";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { getMonthlyRanking } from "@/lib/server/analytics/ranking";
import * as schema from "@/lib/server/db/schema";

const BUDGET_MS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<number> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error("请设置 BENCH_DATABASE_URL（例如 seed:scale 生成的数据库）");
    return 2;
  }
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = drizzle(pool, { schema });
  try {
    const username = process.env.BENCH_OFFICE;
    const [row] = await db
      .select()
      .from(schema.user)
      .where(username ? eq(schema.user.username, username) : eq(schema.user.role, "office"))
      .limit(1);
    if (!row) throw new Error("数据库中没有督导室账号");
    const office = userSchema.parse(row);
    const [zone] = await db
      .select({ id: schema.zones.id })
      .from(schema.zones)
      .where(eq(schema.zones.districtId, office.districtId!))
      .limit(1);
    const [inspector] = await db
      .select({ id: schema.zoneInspectors.userId })
      .from(schema.zoneInspectors)
      .limit(1);
    const now = Date.now();
    const combos: [string, DashboardFilters][] = [
      ["全部", {}],
      ["责任区", { zone: zone?.id }],
      ["责任区 + 检查领域", { zone: zone?.id, domain: "fire" }],
      ["督学", { inspector: inspector?.id }],
      ["问题等级 + 检查领域", { severity: "major", domain: "campus_safety" }],
    ];
    let over = false;
    for (const [name, filters] of combos) {
      await getDashboard(db, office, filters, now); // warm-up
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await getDashboard(db, office, filters, now);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      over ||= p95 > BUDGET_MS;
      process.stdout.write(
        `总览（${name}）  p50 ${percentile(times, 50).toFixed(0)} ms  p95 ${p95.toFixed(0)} ms  预算 ${BUDGET_MS} ms  ${p95 > BUDGET_MS ? "超出" : "达标"}\n`,
      );
    }
    const start = performance.now();
    const ranking = await getMonthlyRanking(
      db,
      office,
      new Date(now).toISOString().slice(0, 7),
      now,
    );
    process.stdout.write(
      `月度排名（${ranking.schools.length} 所学校）  ${(performance.now() - start).toFixed(0)} ms\n`,
    );
    return over ? 1 : 0;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
