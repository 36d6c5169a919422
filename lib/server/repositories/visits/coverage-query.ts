/**
 * Coverage of the monthly 挂牌督导 rule (issue #11), computed in SQL: a school is covered in a
 * month when the submitted 挂牌督导 visits of its 责任督学 (an inspector of its zone) in that China
 * calendar month reach its district's visitsPerMonth (lib/domain/plan/visit-rule.ts).
 */
import "server-only";

import { sql, type SQL } from "drizzle-orm";

import { type Month, monthAt, monthDays } from "@/lib/domain/month";
import {
  type CoverageQuery,
  type CoverageTotals,
  type InspectorCoverage,
  type SchoolCoverage,
  type ZoneCoverage,
} from "@/lib/domain/plan/visit-rule";
import { DEFAULT_VISIT_RULE } from "@/lib/domain/plan/visit-rule";

import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";

/** null = every district (the admin). */
export type DistrictFilter = readonly string[] | null;

const districtWhere = (column: SQL, districtIds: DistrictFilter): SQL =>
  districtIds === null ? sql`true` : sql`${column} = any(${sql.param([...districtIds])}::uuid[])`;

/** A district's required visits per school and month. */
const REQUIRED = sql.raw(
  `coalesce((d.visit_rule->>'visitsPerMonth')::int, ${DEFAULT_VISIT_RULE.visitsPerMonth})`,
);

/**
 * The visits that count, per school and inspector, in the month: submitted 挂牌督导 visits by an
 * inspector of the school's zone. One definition for the office's coverage and the inspector's pack.
 */
function countedVisits(districtIds: DistrictFilter, month: Month, extra: SQL = sql`true`): SQL {
  const { from, to } = monthDays(month);
  return sql`select v.id, v.school_id, v.inspector_id, v.started_at
    from visits v
    join schools vs on vs.id = v.school_id
    join zone_inspectors zi on zi.zone_id = vs.zone_id and zi.user_id = v.inspector_id
    where v.status = 'submitted' and v.kind = 'routine'
      and ${withinChinaDays(sql`v.started_at`, from, to)}
      and ${districtWhere(sql`v.district_id`, districtIds)} and ${extra}`;
}

/**
 * Per-school figures of the month over the counted visits `counted` (a CTE name or a subquery), as
 * a CTE body the summaries group.
 */
function perSchool(districtIds: DistrictFilter, counted: SQL): SQL {
  return sql`select s.id as school_id, s.code, s.name, s.zone_id, s.district_id,
      ${REQUIRED} as required, count(c.id)::int as visits, max(c.started_at) as last_at
    from schools s
    join districts d on d.id = s.district_id
    left join ${counted} c on c.school_id = s.id
    where s.is_active and ${districtWhere(sql`s.district_id`, districtIds)}
    group by s.id, d.visit_rule`;
}

type Row = Record<string, unknown>;
const int = (v: unknown) => Number(v ?? 0);
const text = (v: unknown) => (typeof v === "string" ? v : null);

/** Totals, by zone and by inspector, for one month: one statement over the month's visits once. */
export async function coverageSummary(
  db: Executor,
  districtIds: DistrictFilter,
  month: Month,
): Promise<{ totals: CoverageTotals; zones: ZoneCoverage[]; inspectors: InspectorCoverage[] }> {
  if (districtIds !== null && districtIds.length === 0)
    return { totals: { schools: 0, covered: 0, visits: 0 }, zones: [], inspectors: [] };
  const result = await db.execute<Row>(sql`
    with c as materialized (${countedVisits(districtIds, month)}),
    ps as materialized (${perSchool(districtIds, sql`c`)}),
    own as (select c.inspector_id, count(*)::int as n from c group by c.inspector_id)
    select 'zone' as kind, ps.zone_id::text as key, z.name as name, d.name as district_name,
      count(*)::int as schools, count(*) filter (where ps.visits >= ps.required)::int as covered,
      sum(ps.visits)::int as visits, 0 as own_visits
    from ps join districts d on d.id = ps.district_id left join zones z on z.id = ps.zone_id
    group by ps.zone_id, z.name, d.name
    union all
    select 'inspector', zi.user_id, u.name, null, count(*)::int,
      count(*) filter (where ps.visits >= ps.required)::int, sum(ps.visits)::int,
      coalesce(max(own.n), 0)::int
    from ps
    join zone_inspectors zi on zi.zone_id = ps.zone_id
    join "user" u on u.id = zi.user_id
    left join own on own.inspector_id = zi.user_id
    group by zi.user_id, u.name
    order by kind, district_name, name, key`);
  const zones: ZoneCoverage[] = [];
  const inspectors: InspectorCoverage[] = [];
  for (const r of result.rows) {
    const totals = { schools: int(r.schools), covered: int(r.covered), visits: int(r.visits) };
    if (r.kind === "zone")
      zones.push({
        zoneId: text(r.key),
        zoneName: text(r.name),
        districtName: String(r.district_name),
        ...totals,
      });
    else
      inspectors.push({
        inspectorId: String(r.key),
        inspectorName: String(r.name),
        ownVisits: int(r.own_visits),
        ...totals,
      });
  }
  return {
    totals: zones.reduce(
      (t, z) => ({
        schools: t.schools + z.schools,
        covered: t.covered + z.covered,
        visits: t.visits + z.visits,
      }),
      { schools: 0, covered: 0, visits: 0 },
    ),
    zones,
    inspectors,
  };
}

/**
 * What the coverage page and GET /api/office/coverage show for a query: the month (this one by
 * default), its totals by zone and inspector, and the first 100 schools (or those after `after`).
 */
export async function coverageReport(
  db: Executor,
  districtIds: DistrictFilter,
  query: CoverageQuery,
  now: number,
) {
  const month = query.month ?? monthAt(now);
  const [summary, schools] = await Promise.all([
    coverageSummary(db, districtIds, month),
    schoolCoverage(db, districtIds, {
      month,
      zoneId: query.zoneId,
      inspectorId: query.inspectorId,
      onlyMissing: query.missing === "1",
      after: query.after,
      limit: 100,
    }),
  ]);
  return { month, ...summary, ...schools };
}

export type SchoolCoverageQuery = {
  month: Month;
  zoneId?: string;
  inspectorId?: string;
  onlyMissing?: boolean;
  /** Keyset: the last school code of the previous page. */
  after?: string;
  limit: number;
};

/** One page of schools with their visits of the month, by school code. */
export async function schoolCoverage(
  db: Executor,
  districtIds: DistrictFilter,
  query: SchoolCoverageQuery,
): Promise<{ schools: SchoolCoverage[]; next: string | null }> {
  if (districtIds !== null && districtIds.length === 0) return { schools: [], next: null };
  const filters: SQL[] = [sql`true`];
  if (query.zoneId) filters.push(sql`ps.zone_id = ${query.zoneId}::uuid`);
  if (query.inspectorId)
    filters.push(
      sql`exists (select 1 from zone_inspectors f where f.zone_id = ps.zone_id and f.user_id = ${query.inspectorId})`,
    );
  if (query.onlyMissing) filters.push(sql`ps.visits < ps.required`);
  if (query.after) filters.push(sql`ps.code > ${query.after}`);
  const rows = await db.execute<Row>(sql`
    with ps as (${perSchool(districtIds, sql`(${countedVisits(districtIds, query.month)})`)})
    select ps.*, z.name as zone_name from ps left join zones z on z.id = ps.zone_id
    where ${sql.join(filters, sql` and `)}
    order by ps.code limit ${query.limit + 1}`);
  const page = rows.rows.slice(0, query.limit).map((r): SchoolCoverage => ({
    schoolId: String(r.school_id),
    schoolCode: String(r.code),
    schoolName: String(r.name),
    zoneName: (r.zone_name as string | null) ?? null,
    required: int(r.required),
    visits: int(r.visits),
    lastVisitAt: r.last_at ? new Date(r.last_at as string).getTime() : null,
    isCovered: int(r.visits) >= int(r.required),
  }));
  return {
    schools: page,
    next: rows.rows.length > query.limit ? (page.at(-1)?.schoolCode ?? null) : null,
  };
}

/** For the pack: each school's counted visits of the month and the visits it needs. */
export async function routineStatusOf(
  db: Executor,
  schoolIds: readonly string[],
  month: Month,
): Promise<Map<string, { required: number; visitIds: string[] }>> {
  if (schoolIds.length === 0) return new Map();
  const ids = sql`${sql.param([...schoolIds])}::uuid[]`;
  const rows = await db.execute<Row>(sql`
    select s.id, ${REQUIRED} as required,
      coalesce(array_agg(c.id order by c.started_at) filter (where c.id is not null), '{}') as visit_ids
    from schools s
    join districts d on d.id = s.district_id
    left join (${countedVisits(null, month, sql`v.school_id = any(${ids})`)}) c on c.school_id = s.id
    where s.id = any(${ids})
    group by s.id, d.visit_rule`);
  return new Map(
    rows.rows.map((r) => [
      String(r.id),
      { required: int(r.required), visitIds: (r.visit_ids as string[]).slice(0, 50) },
    ]),
  );
}
