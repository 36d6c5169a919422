import Link from "next/link";
import type { ReactNode } from "react";

import {
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from "@/lib/domain/rectification/rectification.schema";
import type { ClosureSummary } from "@/lib/domain/rectification/summary";

import { Card } from "@/components/ui/card";

import { formatRate } from "./format";

export type DashboardData = {
  today: string;
  summary: ClosureSummary;
  byZone: { zoneId: string; zoneName: string; summary: ClosureSummary }[];
  bySchool: { schoolId: string; schoolName: string; zoneId: string; summary: ClosureSummary }[];
  repeatFindings: {
    schoolId: string;
    schoolName: string;
    itemCode: string;
    prompt: string;
    visitCount: number;
  }[];
};

/** Bar colours per state, stronger than the badges' so a short bar still shows. */
const STATUS_BARS: Record<RectificationStatus, string> = {
  pending: "bg-amber-400",
  in_progress: "bg-sky-500",
  submitted: "bg-violet-500",
  returned: "bg-red-500",
  closed: "bg-emerald-500",
  cancelled: "bg-slate-400",
};

/** Schools shown in the weakest-first list; the rest are on the 学校 page. */
const WEAKEST_SHOWN = 10;

/** The office's 总览: how much is closed, on time, overdue; where it lags; what keeps coming back. */
export function Dashboard({ data }: { data: DashboardData }) {
  const { summary } = data;
  const open = summary.total - summary.byStatus.closed - summary.byStatus.cancelled;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="整改事项" value={String(summary.total)} note={`未销号 ${open} 项`} />
        <Stat label="销号率" value={formatRate(summary.closureRate)} note="已销号 / 应整改" />
        <Stat
          label="按期销号率"
          value={formatRate(summary.onTimeClosureRate)}
          note="期限内销号 / 已销号"
        />
        <Stat
          label="逾期未销号"
          value={String(summary.overdue)}
          tone={summary.overdue > 0 ? "red" : "plain"}
          href="/office/items?overdue=1"
        />
        <Stat
          label="待复查"
          value={String(summary.byStatus.submitted)}
          href="/office/review"
          note="学校已提交整改报告"
        />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="按状态">
          <ul className="space-y-2">
            {RECTIFICATION_STATUSES.map((status) => (
              <BarRow
                key={status}
                label={RECTIFICATION_STATUS_LABELS[status]}
                value={summary.byStatus[status]}
                max={summary.total}
                barClass={STATUS_BARS[status]}
                text={String(summary.byStatus[status])}
                href={`/office/items?state=${status}`}
              />
            ))}
          </ul>
        </Panel>

        <Panel title="按督学责任区" note="销号率；红字为逾期数">
          <ul className="space-y-2">
            {data.byZone.map((zone) => (
              <BarRow
                key={zone.zoneId}
                label={zone.zoneName}
                value={zone.summary.closureRate ?? 0}
                max={1}
                barClass="bg-brand-600"
                text={formatRate(zone.summary.closureRate)}
                extra={zone.summary.overdue > 0 ? `逾期 ${zone.summary.overdue}` : undefined}
                href={`/office/items?zone=${zone.zoneId}`}
              />
            ))}
          </ul>
        </Panel>

        <Panel title="按学校（销号率由低到高）" note={`前 ${WEAKEST_SHOWN} 所`}>
          <ul className="space-y-2">
            {data.bySchool.slice(0, WEAKEST_SHOWN).map((school) => (
              <BarRow
                key={school.schoolId}
                label={school.schoolName}
                value={school.summary.closureRate ?? 0}
                max={1}
                barClass={(school.summary.closureRate ?? 1) < 0.6 ? "bg-red-500" : "bg-amber-500"}
                text={formatRate(school.summary.closureRate)}
                extra={school.summary.overdue > 0 ? `逾期 ${school.summary.overdue}` : undefined}
                href={`/office/items?school=${school.schoolId}`}
              />
            ))}
          </ul>
          <Link
            href="/office/schools"
            className="text-brand-700 mt-3 inline-block text-sm hover:underline"
          >
            全部学校 →
          </Link>
        </Panel>

        <Panel title="屡查屡犯" note="同一检查项在同一学校的多次检查中都不符合">
          {data.repeatFindings.length === 0 ? (
            <p className="text-sm text-slate-500">暂无</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {data.repeatFindings.map((repeat) => (
                <li key={`${repeat.schoolId}/${repeat.itemCode}`} className="py-2 text-sm">
                  <p className="font-medium text-slate-900">
                    {repeat.schoolName}
                    <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs text-red-700">
                      {repeat.visitCount} 次
                    </span>
                  </p>
                  <p className="mt-0.5 text-slate-600">
                    {repeat.itemCode} {repeat.prompt}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}

function Stat({
  label,
  value,
  note,
  tone = "plain",
  href,
}: {
  label: string;
  value: string;
  note?: string;
  tone?: "plain" | "red";
  href?: string;
}) {
  const body = (
    <Card className={href ? "hover:border-brand-600 h-full" : "h-full"}>
      <p className="text-sm text-slate-500">{label}</p>
      <p
        className={`mt-1 text-3xl font-semibold ${tone === "red" ? "text-red-600" : "text-slate-900"}`}
      >
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-slate-500">{note}</p> : null}
    </Card>
  );
  return href ? (
    <Link
      href={href}
      className="focus-visible:outline-brand-600 block rounded-xl focus-visible:outline-2"
    >
      {body}
    </Link>
  ) : (
    body
  );
}

function Panel({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <Card>
      <h2 className="font-semibold text-slate-900">{title}</h2>
      {note ? <p className="mt-0.5 text-xs text-slate-500">{note}</p> : null}
      <div className="mt-3">{children}</div>
    </Card>
  );
}

/** A labelled horizontal bar: plain CSS widths, no chart library. */
function BarRow({
  label,
  value,
  max,
  barClass,
  text,
  extra,
  href,
}: {
  label: string;
  value: number;
  max: number;
  barClass: string;
  text: string;
  extra?: string;
  href: string;
}) {
  const percent = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <li>
      <Link
        href={href}
        className="hover:text-brand-700 grid grid-cols-[6.5rem_1fr_2.75rem_3.5rem] items-center gap-2 text-sm sm:grid-cols-[9rem_1fr_2.75rem_3.5rem]"
      >
        <span className="truncate text-slate-700" title={label}>
          {label}
        </span>
        <span className="h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <span
            className={`block h-full rounded-full ${barClass}`}
            style={{ width: `${percent}%` }}
          />
        </span>
        <span className="text-right text-slate-900 tabular-nums">{text}</span>
        <span className="text-xs text-red-600">{extra}</span>
      </Link>
    </li>
  );
}
