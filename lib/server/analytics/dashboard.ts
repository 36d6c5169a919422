/**
 * The office dashboard: its figures for the filters in the user's scope (office, city or admin),
 * from the read model in lib/server/repositories/rectification/dashboard-query.ts (computed in
 * PostgreSQL; no item row is loaded into Node), shaped here into breakdowns, ageing and trend.
 */
import "server-only";

import type { Breakdown, Dashboard, Figures } from "@/lib/domain/analytics/figures";
import { type DashboardFilters } from "@/lib/domain/analytics/filters";
import { toChinaDate } from "@/lib/domain/dates";
import { monthOf, previousMonth } from "@/lib/domain/month";
import type { User } from "@/lib/domain/org/org.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import {
  DOMAIN_LABELS,
  type Severity,
  severitySchema,
  TEMPLATE_DOMAINS,
  type TemplateDomain,
} from "@/lib/domain/template/template.schema";

import { schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";
import {
  type AggregateRow,
  aggregates,
  coverage,
  figureRowsBySchool,
  repeatFindings,
} from "../repositories/rectification/dashboard-query";

function figuresOf(row: AggregateRow | undefined): Figures {
  const n = (v: number | null | undefined) => Number(v ?? 0);
  const total = n(row?.total);
  const closed = n(row?.closed);
  const cancelled = n(row?.cancelled);
  const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    total,
    open: total - closed - cancelled,
    closed,
    cancelled,
    overdue: n(row?.overdue),
    closureRate: ratio(closed, total - cancelled),
    onTimeRate: ratio(n(row?.closed_on_time), closed),
    avgDaysToClose: ratio(n(row?.close_days), closed),
  };
}

function breakdown<K extends string>(
  rows: readonly AggregateRow[],
  dim: string,
  nameOf: (row: AggregateRow) => string,
): Breakdown<K> {
  return rows
    .filter((r) => r.dim === dim)
    .map((r) => ({ key: r.key as K, name: nameOf(r), figures: figuresOf(r) }));
}

/** The last `count` months up to and including `month`, oldest first. */
function monthsUpTo(month: string, count: number): string[] {
  const months = [month];
  while (months.length < count) months.unshift(previousMonth(months[0]!));
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
  const months = monthsUpTo(monthOf(today), 12);
  const [rows, repeats, cover] = await Promise.all([
    aggregates(db, scope, filters, today, months[0]!),
    repeatFindings(db, scope, filters),
    coverage(db, scope, filters, month),
  ]);
  const all = rows.find((r) => r.dim === "all");
  const count = (dim: string, key: string) =>
    rows.find((r) => r.dim === dim && r.key === key)?.total ?? 0;
  const closedIn = (key: string) =>
    rows.find((r) => r.dim === "closed" && r.key === key)?.closed ?? 0;
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
      r.key === "" ? "其他" : (DOMAIN_LABELS[r.key as TemplateDomain] ?? r.key),
    ).sort((a, b) => TEMPLATE_DOMAINS.indexOf(a.key) - TEMPLATE_DOMAINS.indexOf(b.key)),
    bySeverity: breakdown<Severity>(rows, "severity", (r) =>
      severitySchema.safeParse(r.key).success ? SEVERITY_LABELS[r.key as Severity] : r.key,
    ).sort((a, b) => severitySchema.options.indexOf(b.key) - severitySchema.options.indexOf(a.key)),
    trend: months.map((m) => ({ month: m, found: count("found", m), closed: closedIn(m) })),
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
  const rows = await figureRowsBySchool(db, scope, schoolIds, toChinaDate(now));
  return new Map(rows.map((row) => [row.key, figuresOf(row)]));
}
