/**
 * The visit-list and coverage budgets of issue #11 (p95 ≤ 200 ms each), measured against
 * BENCH_DATABASE_URL — the `npm run seed:scale` database — through the server functions the
 * routes call (scope resolved once, SQL, row mapping; not auth or the socket). The first office
 * account with the most visits is the caller. `--fill` first fills an EMPTY database with a
 * synthetic district (5,000 schools in 250 zones, 122k visits over 24 months, 50k findings) for a
 * machine where seed:scale is not available.
 *
 * Run: BENCH_DATABASE_URL=postgres://… node --conditions=react-server --import tsx \
 *   test/bench/measure-plans.ts [--fill]
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";

import { addDays, toChinaDate } from "@/lib/domain/dates";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { userSchema } from "@/lib/domain/org/org.schema";
import { monthOf, type Month } from "@/lib/domain/plan/visit-rule";
import { visitListQuerySchema } from "@/lib/domain/visit/visit-list.schema";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { migrateDatabase } from "@/lib/server/db/client";
import * as schema from "@/lib/server/db/schema";
import { coverageSummary, schoolCoverage } from "@/lib/server/plans/coverage";
import { listVisits } from "@/lib/server/visits/visit-list";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BUDGET_MS = 200;

type Timed = { label: string; ms: number };

async function timed<T>(label: string, run: () => Promise<T>, into: Timed[]): Promise<T> {
  const started = performance.now();
  const value = await run();
  into.push({ label, ms: performance.now() - started });
  return value;
}

function p95(samples: readonly Timed[]): { p95: number; worst: Timed } {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return {
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!.ms,
    worst: sorted.at(-1)!,
  };
}

/** A random id in the app's UUIDv7 shape (PostgreSQL before 18 has no uuidv7()). */
const V7 = `overlay(overlay(gen_random_uuid()::text placing '7' from 15) placing '8' from 20)::uuid`;

/** A synthetic district in an empty database, written with generate_series in a few statements. */
async function fill(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from visits`);
  if (rows[0]!.n > 0) throw new Error("--fill needs an empty database");
  const now = Date.now();
  await pool.query(`
    insert into districts (id, code, name, notice_prefix)
      values ('00000000-0000-7000-8000-000000000001', 'bench', '基准区', '基准督改');
    insert into zones (id, district_id, name)
      select ('00000000-0000-7000-8001-' || lpad(z::text, 12, '0'))::uuid,
        '00000000-0000-7000-8000-000000000001', '责任区' || z
      from generate_series(1, 250) z;
    insert into "user" (id, name, email, username, role, district_id)
      select 'bench-inspector-' || z, '督学' || z, 'i' || z || '@bench.local', 'bench_inspector_' || z,
        'inspector', '00000000-0000-7000-8000-000000000001'
      from generate_series(1, 250) z;
    insert into "user" (id, name, email, username, role, district_id)
      values ('bench-office', '基准区督导室', 'office@bench.local', 'bench_office', 'office',
        '00000000-0000-7000-8000-000000000001');
    insert into zone_inspectors (zone_id, user_id)
      select ('00000000-0000-7000-8001-' || lpad(z::text, 12, '0'))::uuid, 'bench-inspector-' || z
      from generate_series(1, 250) z;
    insert into schools (id, district_id, zone_id, code, name, stage, ownership, is_village,
        is_boarding, canteen, has_school_bus, student_count, class_count)
      select ('00000000-0000-7000-8002-' || lpad(s::text, 12, '0'))::uuid,
        '00000000-0000-7000-8000-000000000001',
        ('00000000-0000-7000-8001-' || lpad((1 + (s - 1) / 20)::text, 12, '0'))::uuid,
        'B' || lpad(s::text, 5, '0'), '基准学校' || s,
        (array['primary','junior','kindergarten','senior'])[1 + s % 4], 'public', s % 7 = 0,
        s % 5 = 0, 'self', false, 600, 12
      from generate_series(1, 5000) s;`);
  // ≈ 1 visit per school and month for 24 months, 2% by another zone's inspector, some 专项督查.
  await pool.query(
    `insert into visits (id, district_id, school_id, inspector_id, kind, templates, started_at,
        ended_at, summary, signatures, status, submitted_at, updated_at)
      select ${V7}, '00000000-0000-7000-8000-000000000001',
        ('00000000-0000-7000-8002-' || lpad(s::text, 12, '0'))::uuid,
        'bench-inspector-' || case when (s + m) % 50 = 0 then 1 + (s + 20) / 20 % 250 else 1 + (s - 1) / 20 end,
        case when (s + m) % 9 = 0 then 'campaign' else 'routine' end, '[{"code":"fire","version":1}]',
        t, t + interval '90 minutes', '', '{"inspector":null,"school":null}', 'submitted',
        t + interval '90 minutes', t + interval '90 minutes'
      from generate_series(1, 5000) s, generate_series(0, 23) m,
        lateral (select to_timestamp($1 / 1000.0) - make_interval(days => m * 30 + (s * 7 + m) % 28) as t) at
      where (s * 31 + m) % 100 < 102`,
    [now],
  );
  await pool.query(`
    insert into rectification_items (id, district_id, school_id, visit_id, template_code,
        template_version, item_code, section, prompt, basis, severity, description, required_action,
        mode, due_date, status, photo_ids, after_photo_ids, escalations, created_at, updated_at, version)
      select ${V7}, v.district_id, v.school_id, v.id, 'fire', 1, 'XF-012', '消防', '灭火器',
        '', 'major', '灭火器压力不足', '更换', 'deadline', (v.started_at + interval '15 days')::date,
        'pending', '[]', '[]', '[]', v.started_at, v.started_at, 1
      from visits v where ('x' || substr(v.id::text, 1, 8))::bit(32)::int % 12 = 0;
    analyze;`);
}

async function main(): Promise<number> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL is required (the npm run seed:scale database)");
  await migrateDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    if (process.argv.includes("--fill")) await fill(pool);
    const db = drizzle(pool, { schema });
    const { rows: offices } = await pool.query(`
      select u.* from "user" u
      where u.role = 'office' and u.district_id is not null
      order by (select count(*) from visits v where v.district_id = u.district_id) desc limit 1`);
    const row = offices[0] as Record<string, unknown> | undefined;
    if (!row) throw new Error("no office account in the database");
    const office = userSchema.parse({
      ...row,
      schoolId: row.school_id,
      districtId: row.district_id,
      cityId: row.city_id,
      mustChangePassword: row.must_change_password,
    });
    const { rows: picks } = await pool.query(
      `select (select zone_id from schools where district_id = $1 and zone_id is not null limit 1) as zone,
        (select user_id from zone_inspectors zi join zones z on z.id = zi.zone_id where z.district_id = $1 limit 1) as inspector,
        (select count(*)::int from visits where district_id = $1) as visits,
        (select count(*)::int from schools where district_id = $1) as schools`,
      [office.districtId],
    );
    const pick = picks[0] as { zone: string; inspector: string; visits: number; schools: number };
    const now = Date.now();
    const today = toChinaDate(now);
    const thisMonth = monthOf(now);
    const lastMonth: Month = monthOf(now - 31 * 86_400_000);

    const list: Timed[] = [];
    const coverage: Timed[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Scope once per request, as the page and the route do.
      const scope = () => orgScopeOf(db, office).then(readableDistrictIds);
      const queries: [string, Record<string, string>][] = [
        ["全部", {}],
        ["责任区", { zoneId: pick.zone }],
        ["督学", { inspectorId: pick.inspector }],
        ["挂牌督导", { kind: "routine" }],
        ["有问题", { findings: "yes" }],
        ["无问题", { findings: "no" }],
        ["上月", { from: `${lastMonth}-01`, to: addDays(`${thisMonth}-01`, -1) }],
      ];
      for (const [label, q] of queries) {
        let after: string | null = null;
        for (let page = 1; page <= 3; page++) {
          const query = visitListQuerySchema.parse({ ...q, ...(after ? { after } : {}) });
          const result = await timed(
            `${label} 第${page}页`,
            async () => listVisits(db, await scope(), query),
            list,
          );
          after = result.next;
          if (after === null) break;
        }
      }
      for (const month of [thisMonth, lastMonth]) {
        await timed(
          `汇总 ${month}`,
          async () => coverageSummary(db, await scope(), month),
          coverage,
        );
        await timed(
          `学校 ${month}`,
          async () => schoolCoverage(db, await scope(), { month, limit: 100 }),
          coverage,
        );
        await timed(
          `未达标 ${month}`,
          async () => schoolCoverage(db, await scope(), { month, onlyMissing: true, limit: 100 }),
          coverage,
        );
        await timed(
          `责任区 ${month}`,
          async () => schoolCoverage(db, await scope(), { month, zoneId: pick.zone, limit: 100 }),
          coverage,
        );
      }
    }
    let over = 0;
    process.stdout.write(
      `\n督导记录与覆盖（${pick.schools} 所学校，${pick.visits} 次督导，${today}，每项 ${ROUNDS} 轮）\n`,
    );
    for (const [what, samples] of [
      ["督导记录列表一页", list],
      ["挂牌督导覆盖", coverage],
    ] as const) {
      const { p95: ms, worst } = p95(samples);
      if (ms > BUDGET_MS) over++;
      process.stdout.write(
        `${ms <= BUDGET_MS ? "✓" : "✗"} ${what}: p95 ${ms.toFixed(1)} ms（预算 ≤ ${BUDGET_MS} ms）  [${samples.length} 次；最慢：${worst.label} ${worst.ms.toFixed(0)} ms]\n`,
      );
    }
    return over === 0 ? 0 : 1;
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
