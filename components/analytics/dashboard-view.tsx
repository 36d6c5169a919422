import Link from "next/link";
import type { ReactNode } from "react";

import type { Breakdown, Dashboard } from "@/lib/domain/analytics/figures";
import {
  type DashboardFilters,
  filterParams,
  type LedgerSlice,
  ledgerHref,
  OPEN_STATUSES,
} from "@/lib/domain/analytics/filters";
import { monthDays } from "@/lib/domain/month";

import { formatRate } from "@/components/rectification/format";

import { type ChartSeries, EChart } from "./echart";

const COLORS = { closed: "#059669", open: "#2563eb", overdue: "#dc2626", found: "#64748b" };

function Figure({
  label,
  value,
  href,
  note,
  tone = "slate",
}: {
  label: string;
  value: string;
  href: string;
  note?: string;
  tone?: "slate" | "red";
}) {
  return (
    <Link
      href={href}
      className="hover:border-brand-300 block rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <p className="text-sm text-slate-500">{label}</p>
      <p
        className={
          tone === "red"
            ? "text-2xl font-semibold text-red-600"
            : "text-2xl font-semibold text-slate-900"
        }
      >
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-slate-500">{note}</p> : null}
    </Link>
  );
}

/** 已销号 / 未销号 / 逾期 per group, each value a ledger link to that group and state. */
function breakdownSeries(
  rows: Breakdown,
  filters: DashboardFilters,
  slice: (key: string) => LedgerSlice,
): ChartSeries[] {
  const link = (extra: LedgerSlice) => (key: string) =>
    ledgerHref(filters, { ...slice(key), ...extra });
  const series = (
    name: string,
    color: string,
    value: (r: Breakdown[number]) => number,
    extra: LedgerSlice,
  ): ChartSeries => ({
    name,
    type: "bar",
    color,
    values: rows.map(value),
    links: rows.map((r) => link(extra)(r.key)),
  });
  return [
    series("已销号", COLORS.closed, (r) => r.figures.closed, { state: ["closed"] }),
    series("未销号", COLORS.open, (r) => r.figures.open, { state: OPEN_STATUSES }),
    series("逾期", COLORS.overdue, (r) => r.figures.overdue, { overdue: true }),
  ];
}

function Section({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} aria-label={title} className="space-y-3">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** The office dashboard: headline figures, then every breakdown as a chart whose values link to the ledger. */
export function DashboardView({ data, filters }: { data: Dashboard; filters: DashboardFilters }) {
  const s = data.summary;
  const days = s.avgDaysToClose === null ? "—" : `${s.avgDaysToClose.toFixed(1)} 天`;
  const coverageRate =
    data.coverage.schools === 0 ? null : data.coverage.visited / data.coverage.schools;
  const chart = (
    title: string,
    rows: Breakdown,
    slice: (key: string) => LedgerSlice,
    horizontal = false,
  ) =>
    rows.length === 0 ? null : (
      <EChart
        title={title}
        categories={rows.map((r) => r.name)}
        series={breakdownSeries(rows, filters, slice)}
        horizontal={horizontal}
        height={horizontal ? Math.max(200, rows.length * 28) : 240}
      />
    );
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="整改事项"
          value={String(s.total)}
          href={ledgerHref(filters)}
          note={`未销号 ${s.open}`}
        />
        <Figure
          label="销号率"
          value={formatRate(s.closureRate)}
          href={ledgerHref(filters, { state: ["closed"] })}
          note={`已销号 ${s.closed}（不计已撤销 ${s.cancelled}）`}
        />
        <Figure
          label="按期销号率"
          value={formatRate(s.onTimeRate)}
          href={ledgerHref(filters, { state: ["closed"] })}
          note="在整改期限内销号 / 已销号"
        />
        <Figure
          label="平均销号用时"
          value={days}
          href={ledgerHref(filters, { state: ["closed"] })}
          note="从发现到销号"
        />
        <Figure
          label="逾期未整改"
          value={String(s.overdue)}
          tone={s.overdue > 0 ? "red" : "slate"}
          href={ledgerHref(filters, { overdue: true })}
          note="学校超过整改期限；按期提交报告待复查的不计"
        />
        <Figure
          label="屡查屡犯"
          value={String(data.repeats.total)}
          href="#repeats"
          note="同一检查项在同一学校销号后再次发现"
        />
        <Figure
          label={`督导覆盖（${data.month}）`}
          value={`${data.coverage.visited} / ${data.coverage.schools}`}
          href={`/office/ranking?${filterParams({ month: data.month, zone: filters.zone }).toString()}`}
          note={`覆盖率 ${formatRate(coverageRate)}`}
        />
      </div>

      <Section title="逾期与趋势">
        <div className="grid gap-4 lg:grid-cols-2">
          <EChart
            title="逾期时长"
            categories={["1–7 天", "8–30 天", "31–90 天", "90 天以上"]}
            series={[
              {
                name: "逾期事项",
                type: "bar",
                color: COLORS.overdue,
                values: [
                  data.ageing.d1to7,
                  data.ageing.d8to30,
                  data.ageing.d31to90,
                  data.ageing.over90,
                ],
                links: [0, 1, 2, 3].map(() => ledgerHref(filters, { overdue: true })),
              },
            ]}
          />
          <EChart
            title="月度趋势"
            categories={data.trend.map((t) => t.month)}
            series={[
              {
                name: "发现",
                type: "line",
                color: COLORS.found,
                values: data.trend.map((t) => t.found),
                links: data.trend.map((t) => ledgerHref(filters, monthDays(t.month))),
              },
              {
                name: "销号",
                type: "line",
                color: COLORS.closed,
                values: data.trend.map((t) => t.closed),
                links: data.trend.map((t) =>
                  ledgerHref(filters, { ...monthDays(t.month), state: ["closed"] }),
                ),
              },
            ]}
          />
        </div>
      </Section>

      <Section title="分布">
        <div className="grid gap-4 lg:grid-cols-2">
          {chart("按责任区", data.byZone, (zone) => ({ zone }))}
          {chart("按检查领域", data.byDomain, (domain) => ({ domain }))}
          {chart("按问题等级", data.bySeverity, (severity) => ({ severity }))}
          {chart("按督学", data.byInspector, (inspector) => ({ inspector }))}
        </div>
        {chart("逾期最多的学校（前 20）", data.bySchool, (school) => ({ school }), true)}
      </Section>

      <Section title="屡查屡犯" id="repeats">
        {data.repeats.top.length === 0 ? (
          <p className="text-sm text-slate-500">没有销号后再次发现的问题。</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {data.repeats.top.map((r) => (
              <li
                key={`${r.schoolId}/${r.itemCode}`}
                className="flex items-center justify-between gap-3 px-4 py-2"
              >
                <Link
                  href={ledgerHref(filters, { school: r.schoolId, q: r.itemCode })}
                  className="text-brand-700 hover:underline"
                >
                  {r.schoolName}：{r.prompt}
                </Link>
                <span className="shrink-0 text-red-600">再次发现 {r.count} 次</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
