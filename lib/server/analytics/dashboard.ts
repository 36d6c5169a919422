/**
 * The office dashboard's read model, computed in PostgreSQL: the scope is resolved once into a
 * district or school list, the filters become one WHERE clause, and every figure is an aggregate
 * (one GROUPING SETS pass for the breakdowns, one query for repeat findings, one for coverage).
 * No item row is loaded into Node. Overdue follows lib/domain/rectification/transition.ts
 * (`daysOverdue`): the school's lateness, frozen at the report's date while it awaits review.
 */
import "server-only";

import { type SQL, sql } from "drizzle-orm";

import type { Breakdown, Dashboard, Figures } from "@/lib/domain/analytics/figures";
import { type DashboardFilters, monthOf, monthRange } from "@/lib/domain/analytics/filters";
import { addDays, chinaDayStart, toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import {
  DOMAIN_LABELS,
  type Severity,
  severitySchema,
  TEMPLATE_DOMAINS,
  type TemplateDomain,
} from "@/lib/domain/template/template.schema";

import { schoolScopeOf, type SchoolScope } from "../auth/scope";
import type { Executor } from "../db/client";

const TZ = "Asia/Shanghai";
const SCHOOL_LIMIT = 20;

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

/** Every filter but `month`, on rectification_items ri ⋈ schools s ⋈ templates t. */
function itemFilters(filters: DashboardFilters): SQL {
  const parts: SQL[] = [];
  if (filters.zone) parts.push(sql`s.zone_id = ${filters.zone}`);
  if (filters.school) parts.push(sql`ri.school_id = ${filters.school}`);
  if (filters.inspector) parts.push(sql`ri.inspector_id = ${filters.inspector}`);
  if (filters.domain) parts.push(sql`t.domain = ${filters.domain}`);
  if (filters.severity) parts.push(sql`ri.severity = ${filters.severity}`);
  if (filters.from) parts.push(sql`ri.created_at >= ${new Date(chinaDayStart(filters.from))}`);
  if (filters.to) {
    parts.push(sql`ri.created_at < ${new Date(chinaDayStart(addDays(filters.to, 1)))}`);
  }
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * The filtered items with what the figures need, as a CTE body. `days_overdue` is the domain's
 * `daysOverdue` in SQL: open items count to today, a report awaiting review to the day it came.
 */
export function filteredItems(scope: SchoolScope, filters: DashboardFilters, today: string): SQL {
  return sql`
    select ri.id, ri.school_id, s.zone_id, ri.inspector_id, t.domain, ri.severity, ri.status,
      ri.due_date, ri.item_code, ri.created_at,
      (ri.created_at at time zone ${TZ})::date as found_on,
      (ri.closed_at at time zone ${TZ})::date as closed_on,
      case
        when ri.due_date is null then 0
        when ri.status in ('pending', 'in_progress', 'returned')
          then greatest(0, ${today}::date - ri.due_date)
        when ri.status = 'submitted' then greatest(0, coalesce(
          (to_timestamp((ri.response ->> 'submittedAt')::bigint / 1000.0) at time zone ${TZ})::date,
          ${today}::date) - ri.due_date)
        else 0
      end as days_overdue
    from rectification_items ri
    join schools s on s.id = ri.school_id
    left join templates t on t.code = ri.template_code and t.version = ri.template_version
    where ${scopeCondition(scope, sql`ri.district_id`, sql`ri.school_id`)} and ${itemFilters(filters)}`;
}

type AggregateRow = {
  dim: string;
  key: string | null;
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

function figuresOf(row: AggregateRow | undefined): Figures {
  const n = (v: number | null | undefined) => Number(v ?? 0);
  const total = n(row?.total);
  const closed = n(row?.closed);
  const cancelled = n(row?.cancelled);
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    total,
    open: n(row?.open),
    closed,
    cancelled,
    overdue: n(row?.overdue),
    closureRate: ratio(closed, total - cancelled),
    onTimeRate: ratio(n(row?.closed_on_time), closed),
    avgDaysToClose: ratio(n(row?.close_days), closed),
  };
}

/** The figures of a group of `f` rows (filteredItems), as AggregateRow's columns. */
const METRICS = sql`
  count(*)::int as total,
  count(*) filter (where f.status not in ('closed', 'cancelled'))::int as open,
  count(*) filter (where f.status = 'closed')::int as closed,
  count(*) filter (where f.status = 'cancelled')::int as cancelled,
  count(*) filter (where f.days_overdue > 0)::int as overdue,
  count(*) filter (where f.status = 'closed'
    and (f.due_date is null or f.closed_on <= f.due_date))::int as closed_on_time,
  sum(f.closed_on - f.found_on) filter (where f.status = 'closed')::int as close_days,
  count(*) filter (where f.days_overdue between 1 and 7)::int as d1to7,
  count(*) filter (where f.days_overdue between 8 and 30)::int as d8to30,
  count(*) filter (where f.days_overdue between 31 and 90)::int as d31to90,
  count(*) filter (where f.days_overdue > 90)::int as over90`;

async function aggregates(db: Executor, items: SQL, trendFrom: string): Promise<AggregateRow[]> {
  const result = await db.execute<AggregateRow>(sql`
    with f as (${items}),
    g as (
      select
        case
          when grouping(f.zone_id) = 0 then 'zone'
          when grouping(f.school_id) = 0 then 'school'
          when grouping(f.inspector_id) = 0 then 'inspector'
          when grouping(f.domain) = 0 then 'domain'
          when grouping(f.severity) = 0 then 'severity'
          when grouping(to_char(f.found_on, 'YYYY-MM')) = 0 then 'found_month'
          when grouping(to_char(f.closed_on, 'YYYY-MM')) = 0 then 'closed_month'
          else 'all'
        end as dim,
        coalesce(f.zone_id::text, f.school_id::text, f.inspector_id, f.domain, f.severity,
          to_char(f.found_on, 'YYYY-MM'), to_char(f.closed_on, 'YYYY-MM')) as key,
        ${METRICS}
      from f
      group by grouping sets ((), (f.zone_id), (f.school_id), (f.inspector_id), (f.domain),
        (f.severity), (to_char(f.found_on, 'YYYY-MM')), (to_char(f.closed_on, 'YYYY-MM')))
    ),
    ranked as (
      select g.*, row_number() over (
        partition by g.dim
        order by g.overdue desc, g.closed::float / nullif(g.total - g.cancelled, 0) asc nulls last, g.key
      ) as rn
      from g
    )
    select r.*, coalesce(z.name, s.name, u.name) as name
    from ranked r
    left join zones z on r.dim = 'zone' and z.id::text = r.key
    left join schools s on r.dim = 'school' and s.id::text = r.key
    left join "user" u on r.dim = 'inspector' and u.id = r.key
    where (r.dim <> 'school' or r.rn <= ${SCHOOL_LIMIT})
      and (r.dim not in ('found_month', 'closed_month') or r.key >= ${trendFrom})`);
  return result.rows;
}

async function repeatFindings(db: Executor, items: SQL): Promise<Dashboard["repeats"]> {
  const result = await db.execute<{
    school_id: string;
    school_name: string;
    item_code: string;
    prompt: string;
    count: number;
    total: number;
  }>(sql`
    with f as (${items}),
    r as (
      select f.school_id, f.item_code, f.id from f
      where f.status <> 'cancelled' and exists (
        select 1 from rectification_items p
        where p.school_id = f.school_id and p.item_code = f.item_code
          and p.status = 'closed' and p.closed_at < f.created_at)
    ),
    g as (select school_id, item_code, count(*)::int as count from r group by school_id, item_code)
    select g.school_id, s.name as school_name, g.item_code, g.count,
      (select count(*)::int from r) as total,
      (select ri.prompt from rectification_items ri
        where ri.school_id = g.school_id and ri.item_code = g.item_code
        order by ri.created_at desc limit 1) as prompt
    from g join schools s on s.id = g.school_id
    order by g.count desc, s.name, g.item_code
    limit 20`);
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

/** The window of a month, as timestamps (China calendar). */
export function monthWindow(month: string): { start: Date; end: Date } {
  const { from, to } = monthRange(month);
  return { start: new Date(chinaDayStart(from)), end: new Date(chinaDayStart(addDays(to, 1))) };
}

async function coverage(
  db: Executor,
  scope: SchoolScope,
  filters: DashboardFilters,
  month: string,
): Promise<Dashboard["coverage"]> {
  const { start, end } = monthWindow(month);
  const byInspector = filters.inspector ? sql`and v.inspector_id = ${filters.inspector}` : sql``;
  const result = await db.execute<{ schools: number; visited: number }>(sql`
    select count(*)::int as schools,
      count(*) filter (where exists (
        select 1 from visits v
        where v.school_id = s.id and v.status = 'submitted'
          and v.started_at >= ${start} and v.started_at < ${end} ${byInspector}))::int as visited
    from schools s
    where ${schoolFilters(scope, filters)}`);
  const row = result.rows[0];
  return { visited: row?.visited ?? 0, schools: row?.schools ?? 0 };
}

function breakdown<K extends string>(
  rows: readonly AggregateRow[],
  dim: string,
  nameOf: (row: AggregateRow) => string,
): Breakdown<K> {
  return rows
    .filter((r) => r.dim === dim)
    .map((r) => ({ key: (r.key ?? "") as K, name: nameOf(r), figures: figuresOf(r) }));
}

/** The last `count` months up to and including `month`, oldest first. */
function monthsUpTo(month: string, count: number): string[] {
  const months = [month];
  while (months.length < count) months.unshift(monthOf(addDays(`${months[0]}-01`, -1)));
  return months;
}

/** The office's figures for the filters, in the user's scope (office, city or admin). */
export async function getDashboard(
  db: Executor,
  user: User,
  filters: DashboardFilters,
  now: number,
): Promise<Dashboard> {
  const today = toChinaDate(now);
  const month = filters.month ?? monthOf(today);
  const scope = await schoolScopeOf(db, user);
  const items = filteredItems(scope, filters, today);
  const months = monthsUpTo(monthOf(today), 12);
  const [rows, repeats, cover] = await Promise.all([
    aggregates(db, items, months[0]!),
    repeatFindings(db, items),
    coverage(db, scope, filters, month),
  ]);
  const all = rows.find((r) => r.dim === "all");
  const count = (dim: string, key: string) =>
    rows.find((r) => r.dim === dim && r.key === key)?.total ?? 0;
  const closedIn = (key: string) =>
    rows.find((r) => r.dim === "closed_month" && r.key === key)?.closed ?? 0;
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name.localeCompare(b.name, "zh-CN");
  return {
    today,
    month,
    summary: figuresOf(all),
    ageing: {
      d1to7: all?.d1to7 ?? 0,
      d8to30: all?.d8to30 ?? 0,
      d31to90: all?.d31to90 ?? 0,
      over90: all?.over90 ?? 0,
    },
    byZone: breakdown(rows, "zone", (r) => r.name ?? "未分责任区").sort(byName),
    bySchool: breakdown(rows, "school", (r) => r.name ?? ""),
    byInspector: breakdown(rows, "inspector", (r) => r.name ?? "").sort(byName),
    byDomain: breakdown<TemplateDomain>(rows, "domain", (r) =>
      r.key === null ? "其他" : (DOMAIN_LABELS[r.key as TemplateDomain] ?? r.key),
    ).sort((a, b) => TEMPLATE_DOMAINS.indexOf(a.key) - TEMPLATE_DOMAINS.indexOf(b.key)),
    bySeverity: breakdown<Severity>(rows, "severity", (r) =>
      severitySchema.safeParse(r.key).success ? SEVERITY_LABELS[r.key as Severity] : (r.key ?? ""),
    ).sort((a, b) => severitySchema.options.indexOf(b.key) - severitySchema.options.indexOf(a.key)),
    trend: months.map((m) => ({ month: m, found: count("found_month", m), closed: closedIn(m) })),
    repeats,
    coverage: cover,
  };
}

/** Each listed school's figures (a page of the school list), in one grouped query. */
export async function figuresBySchool(
  db: Executor,
  user: User,
  schoolIds: readonly string[],
  now: number,
): Promise<Map<string, Figures>> {
  if (schoolIds.length === 0) return new Map();
  const scope = await schoolScopeOf(db, user);
  const listed: SchoolScope = { kind: "schools", schoolIds: [...schoolIds] };
  const result = await db.execute<AggregateRow>(sql`
    with f as (${filteredItems(scope, {}, toChinaDate(now))}
      and ${scopeCondition(listed, sql`ri.district_id`, sql`ri.school_id`)})
    select 'school' as dim, f.school_id::text as key, ${METRICS}, null as name
    from f group by f.school_id`);
  return new Map(result.rows.map((row) => [row.key ?? "", figuresOf(row)]));
}
