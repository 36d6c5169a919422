/**
 * The office dashboard's read model, computed in PostgreSQL from what migration 0012's triggers keep
 * with every item change: tallies of the counts that do not depend on today (per district,
 * dimension, domain and severity, so a city sums a few thousand rows, not its 200k items), the open
 * items' facts for overdue (which depends on today), and a repeat flag per item for 屡查屡犯.
 * The scope comes resolved into a district or school list, the filters become one WHERE clause;
 * no item row is loaded into Node. Overdue follows lib/domain/rectification/transition.ts
 * (`daysOverdue`): the school's lateness, frozen at the report's date while it awaits review.
 * lib/server/analytics/dashboard.ts turns the rows into the dashboard's figures.
 */
import "server-only";

import { type SQL, sql } from "drizzle-orm";

import type { Dashboard } from "@/lib/domain/analytics/figures";
import { type DashboardFilters, OPEN_STATUSES } from "@/lib/domain/analytics/filters";
import { monthDays } from "@/lib/domain/month";
import type { SchoolScope } from "@/lib/domain/org/org-scope";

import { daysOverdueSql } from "./overdue-sql";
import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";

const SCHOOL_LIMIT = 20;
const REPEAT_LIMIT = 20;

/** A PostgreSQL array literal of validated ids, sent as one parameter whatever its length. */
function idArray(ids: readonly string[]): string {
  return `{${ids.map((id) => `"${id}"`).join(",")}}`;
}

/** The scope as a condition on an item-like row (`district`, `school` columns given). */
export function scopeCondition(scope: SchoolScope, district: SQL, school: SQL): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "districts":
      return scope.districtIds.length === 0
        ? sql`false`
        : sql`${district} = any(${idArray(scope.districtIds)}::uuid[])`;
    case "schools":
      return scope.schoolIds.length === 0
        ? sql`false`
        : sql`${school} = any(${idArray(scope.schoolIds)}::uuid[])`;
  }
}

/**
 * Every filter but `month`, on rectification_item_facts f, with the scope. The finding date is a
 * China calendar day (`found_on`), as `from`/`to` are.
 */
function factFilters(scope: SchoolScope, filters: DashboardFilters): SQL {
  const parts: SQL[] = [];
  if (filters.zone || filters.school) {
    // The items of the zone's or the school's schools in scope (an item's district is its
    // school's). Checking the scope on the schools keeps the planner from and-ing each school's
    // facts with the whole district's in the district index (20 times for a zone: 22 ms of 32).
    const schools = [scopeCondition(scope, sql`sc.district_id`, sql`sc.id`)];
    if (filters.zone) schools.push(sql`sc.zone_id = ${filters.zone}`);
    if (filters.school) schools.push(sql`sc.id = ${filters.school}`);
    parts.push(
      sql`f.school_id in (select sc.id from schools sc where ${sql.join(schools, sql` and `)})`,
    );
  } else {
    parts.push(scopeCondition(scope, sql`f.district_id`, sql`f.school_id`));
  }
  if (filters.inspector) parts.push(sql`f.inspector_id = ${filters.inspector}`);
  if (filters.domain) parts.push(sql`f.domain = ${filters.domain}`);
  if (filters.severity) parts.push(sql`f.severity = ${filters.severity}`);
  if (filters.from) parts.push(sql`f.found_on >= ${filters.from}::date`);
  if (filters.to) parts.push(sql`f.found_on <= ${filters.to}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * The tally rows (dim, key, domain, severity and the counts that do not depend on today) of the
 * items in scope that match the filters. The stored tallies serve a scope of whole districts
 * filtered at most by domain and severity (their rows over all domains and severities when
 * neither is); a zone, school, inspector or date range narrows the
 * items enough to tally them here, with the same function the triggers use.
 */
function tallyRows(scope: SchoolScope, filters: DashboardFilters): SQL {
  const stored =
    scope.kind !== "schools" &&
    !filters.zone &&
    !filters.school &&
    !filters.inspector &&
    !filters.from &&
    !filters.to;
  if (stored) {
    const byDomainOrSeverity = filters.domain || filters.severity;
    return sql`
      select t.dim, t.key, t.domain, t.severity, t.total, t.closed, t.cancelled,
        t.closed_on_time, t.close_days
      from rectification_tallies t
      where ${scopeCondition(scope, sql`t.district_id`, sql`null`)}
        and ${byDomainOrSeverity ? sql`t.domain <> '*'` : sql`t.domain = '*' and t.severity = '*'`}
        ${filters.domain ? sql`and t.domain = ${filters.domain}` : sql``}
        ${filters.severity ? sql`and t.severity = ${filters.severity}` : sql``}`;
  }
  return sql`
    select r.dim, r.key, f.domain, f.severity, sum(r.total) as total, sum(r.closed) as closed,
      sum(r.cancelled) as cancelled, sum(r.closed_on_time) as closed_on_time,
      sum(r.close_days) as close_days
    from rectification_item_facts f
    join schools s on s.id = f.school_id
    cross join lateral rectification_tally_rows(f, s.zone_id) r
    where ${factFilters(scope, filters)}
    group by r.dim, r.key, f.domain, f.severity`;
}

const OPEN = sql.join(
  OPEN_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * The open items in scope matching the filters that are overdue today, with their days overdue and
 * their school's zone.
 */
function overdueItems(scope: SchoolScope, filters: DashboardFilters, today: string): SQL {
  const days = daysOverdueSql(
    { status: sql`f.status`, dueDate: sql`f.due_date`, reportedOn: sql`f.reported_on` },
    today,
  );
  return sql`
    select * from (
      select f.school_id, s.zone_id, f.inspector_id, f.domain, f.severity, ${days} as days
      from rectification_item_facts f join schools s on s.id = f.school_id
      where f.status in (${OPEN}) and ${factFilters(scope, filters)}
    ) o where o.days > 0`;
}

export type AggregateRow = {
  dim: string;
  key: string;
  total: number;
  open: number;
  closed: number;
  cancelled: number;
  overdue: number;
  closed_on_time: number;
  close_days: number | null;
  d1to7: number;
  d8to30: number;
  d31to90: number;
  over90: number;
  name: string | null;
};

/** The sums of a group of tally rows `t`, as AggregateRow's static columns. */
const SUMS = sql`
  sum(t.total)::int as total, sum(t.closed)::int as closed, sum(t.cancelled)::int as cancelled,
  sum(t.closed_on_time)::int as closed_on_time, sum(t.close_days)::int as close_days`;

/** The overdue counts of a group of overdueItems `o`. */
const OVERDUE = sql`
  count(*)::int as overdue,
  count(*) filter (where o.days <= 7)::int as d1to7,
  count(*) filter (where o.days between 8 and 30)::int as d8to30,
  count(*) filter (where o.days between 31 and 90)::int as d31to90,
  count(*) filter (where o.days > 90)::int as over90`;

export async function aggregates(
  db: Executor,
  scope: SchoolScope,
  filters: DashboardFilters,
  today: string,
  trendFrom: string,
): Promise<AggregateRow[]> {
  const result = await db.execute<AggregateRow>(sql`
    with o as (${overdueItems(scope, filters, today)}),
    -- One pass over the overdue items counts them by school, zone, inspector, domain, severity
    -- and in all.
    od as (
      select case
          when grouping(o.school_id) = 0 then 'school'
          when grouping(o.zone_id) = 0 then 'zone'
          when grouping(o.inspector_id) = 0 then 'inspector'
          when grouping(o.domain) = 0 then 'domain'
          when grouping(o.severity) = 0 then 'severity'
          else 'all' end as dim,
        case
          when grouping(o.school_id) = 0 then o.school_id::text
          when grouping(o.zone_id) = 0 then coalesce(o.zone_id::text, '')
          else coalesce(o.inspector_id, o.domain, o.severity, '') end as key,
        ${OVERDUE}
      from o
      group by grouping sets (
        (o.school_id), (o.zone_id), (o.inspector_id), (o.domain), (o.severity), ())
    ),
    -- Only schools with at least the 20th most overdue items can be among the 20 shown (all
    -- schools when fewer than 20 have any), and only the trend's months are read.
    cut as (
      select coalesce((select od.overdue from od where od.dim = 'school'
        order by od.overdue desc offset ${SCHOOL_LIMIT - 1} limit 1), 0) as n
    ),
    shown as (select * from od where od.dim <> 'school' or od.overdue >= (select n from cut)),
    t as (
      select * from (${tallyRows(scope, filters)}) t
      where case t.dim
        when 'school' then (select n from cut) = 0
          or t.key in (select shown.key from shown where shown.dim = 'school')
        when 'found' then t.key >= ${trendFrom}
        when 'closed' then t.key >= ${trendFrom}
        else true end
    ),
    st as (select t.dim, t.key, ${SUMS} from t group by t.dim, t.key),
    -- The static and the overdue figures of each group side by side (a group with no items, e.g. a
    -- zone whose schools all moved, or a school that cannot be among the 20, is left out).
    g as (
      select x.dim, x.key, sum(x.total)::int as total, sum(x.closed)::int as closed,
        sum(x.cancelled)::int as cancelled, sum(x.closed_on_time)::int as closed_on_time,
        sum(x.close_days)::int as close_days, sum(x.overdue)::int as overdue,
        sum(x.d1to7)::int as d1to7, sum(x.d8to30)::int as d8to30,
        sum(x.d31to90)::int as d31to90, sum(x.over90)::int as over90
      from (
        select st.*, 0 as overdue, 0 as d1to7, 0 as d8to30, 0 as d31to90, 0 as over90 from st
        union all
        select o.dim, o.key, 0, 0, 0, 0, 0, o.overdue, o.d1to7, o.d8to30, o.d31to90, o.over90
        from shown o
      ) x
      group by x.dim, x.key
      having sum(x.total) > 0
    ),
    ranked as (
      select g.*, row_number() over (
        partition by g.dim
        order by g.overdue desc, g.closed::float / nullif(g.total - g.cancelled, 0) asc nulls last, g.key
      ) as rn
      from g
    )
    select r.*, case r.dim
        when 'zone' then (select z.name from zones z where z.id = nullif(r.key, '')::uuid)
        when 'school' then (select s.name from schools s where s.id = r.key::uuid)
        when 'inspector' then (select u.name from "user" u where u.id = r.key)
      end as name
    from ranked r
    where r.dim <> 'school' or r.rn <= ${SCHOOL_LIMIT}`);
  return result.rows;
}

/** 屡查屡犯: the items (not cancelled) flagged as repeats when they were found or an earlier one closed. */
export async function repeatFindings(
  db: Executor,
  scope: SchoolScope,
  filters: DashboardFilters,
): Promise<Dashboard["repeats"]> {
  const result = await db.execute<{
    school_id: string;
    school_name: string;
    item_code: string;
    prompt: string;
    count: number;
    total: number;
  }>(sql`
    -- Grouped with the district too, so the aggregate streams in the order of the repeat index.
    with g as (
      select f.school_id, f.item_code, count(*)::int as count
      from rectification_item_facts f
      where f.repeat and f.status <> 'cancelled' and ${factFilters(scope, filters)}
      group by f.district_id, f.school_id, f.item_code
    ),
    -- Only pairs found at least as often as the 20th can be among the 20 shown.
    cut as (
      select coalesce((select g.count from g
          order by g.count desc offset ${REPEAT_LIMIT - 1} limit 1), 0) as n,
        coalesce((select sum(g.count) from g), 0)::int as total
    )
    select g.school_id, s.name as school_name, g.item_code, g.count, cut.total,
      (select ri.prompt from rectification_items ri
        where ri.school_id = g.school_id and ri.item_code = g.item_code
        order by ri.created_at desc limit 1) as prompt
    from g cross join cut join schools s on s.id = g.school_id
    where g.count >= cut.n
    order by g.count desc, s.name, g.item_code
    limit ${REPEAT_LIMIT}`);
  const rows = result.rows;
  return {
    total: rows[0]?.total ?? 0,
    top: rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      itemCode: r.item_code,
      prompt: r.prompt,
      count: r.count,
    })),
  };
}

/** Active schools in scope and the filters that apply to schools (zone, school, inspector's zones). */
export function schoolFilters(scope: SchoolScope, filters: DashboardFilters): SQL {
  const parts: SQL[] = [sql`s.is_active`, scopeCondition(scope, sql`s.district_id`, sql`s.id`)];
  if (filters.zone) parts.push(sql`s.zone_id = ${filters.zone}`);
  if (filters.school) parts.push(sql`s.id = ${filters.school}`);
  if (filters.inspector) {
    parts.push(
      sql`s.zone_id in (select zone_id from zone_inspectors where user_id = ${filters.inspector})`,
    );
  }
  return sql.join(parts, sql` and `);
}

export async function coverage(
  db: Executor,
  scope: SchoolScope,
  filters: DashboardFilters,
  month: string,
): Promise<Dashboard["coverage"]> {
  const { from, to } = monthDays(month);
  const byInspector = filters.inspector ? sql`and v.inspector_id = ${filters.inspector}` : sql``;
  const result = await db.execute<{ schools: number; visited: number }>(sql`
    select (select count(*)::int from schools s where ${schoolFilters(scope, filters)}) as schools,
      (select count(*)::int from schools s
        where ${schoolFilters(scope, filters)} and exists (
          select 1 from visits v
          where v.school_id = s.id and v.status = 'submitted'
            and ${withinChinaDays(sql`v.started_at`, from, to)} ${byInspector})) as visited`);
  const row = result.rows[0];
  return { visited: row?.visited ?? 0, schools: row?.schools ?? 0 };
}

/** Each listed school's static figures and overdue count, in one grouped query. */
export async function figureRowsBySchool(
  db: Executor,
  scope: SchoolScope,
  schoolIds: readonly string[],
  today: string,
): Promise<AggregateRow[]> {
  const listed: SchoolScope = { kind: "schools", schoolIds: [...schoolIds] };
  const days = daysOverdueSql(
    { status: sql`f.status`, dueDate: sql`f.due_date`, reportedOn: sql`f.reported_on` },
    today,
  );
  const result = await db.execute<AggregateRow>(sql`
    select f.school_id::text as key, ${SUMS}, count(*) filter (where ${days} > 0)::int as overdue
    from rectification_item_facts f
    cross join lateral rectification_tally_rows(f, null) t
    where t.dim = 'all' and ${scopeCondition(scope, sql`f.district_id`, sql`f.school_id`)}
      and ${scopeCondition(listed, sql`f.district_id`, sql`f.school_id`)}
    group by f.school_id`);
  return result.rows;
}

export type Option = { id: string; name: string };
export type FilterOptions = { zones: Option[]; inspectors: Option[]; schools: Option[] };

/** The filter menus' choices in `scope`: its zones and inspectors, and the schools of `zone`. */
export async function filterOptionsIn(
  db: Executor,
  scope: SchoolScope,
  zone: string | undefined,
): Promise<FilterOptions> {
  const inScope = scopeCondition(scope, sql`s.district_id`, sql`s.id`);
  const [zones, inspectors, schools] = await Promise.all([
    db.execute<Option>(sql`
      select distinct z.id::text as id, z.name from zones z join schools s on s.zone_id = z.id
      where ${inScope} order by z.name`),
    db.execute<Option>(sql`
      select distinct u.id, u.name from "user" u
      join zone_inspectors zi on zi.user_id = u.id
      join schools s on s.zone_id = zi.zone_id
      where ${inScope} order by u.name`),
    zone
      ? db.execute<Option>(sql`
          select s.id::text as id, s.name from schools s
          where ${inScope} and s.zone_id = ${zone} order by s.code`)
      : Promise.resolve({ rows: [] as Option[] }),
  ]);
  return { zones: zones.rows, inspectors: inspectors.rows, schools: schools.rows };
}
