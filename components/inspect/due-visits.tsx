"use client";

import Link from "next/link";

import type { CampaignDue, RoutineDue } from "@/lib/domain/plan/due-visits";

import { Card } from "@/components/ui/card";

function DueRow({
  title,
  detail,
  startHref,
  draftVisitId,
}: {
  title: string;
  detail: string;
  startHref: string;
  draftVisitId: string | null;
}) {
  return (
    <li className="flex items-center justify-between gap-3 py-2">
      <div className="min-w-0">
        <p className="truncate text-sm text-slate-900">{title}</p>
        <p className="text-xs text-slate-500">{detail}</p>
      </div>
      <Link
        href={draftVisitId ? `/inspect/visit?id=${draftVisitId}` : startHref}
        className="text-brand-700 shrink-0 text-sm font-medium underline underline-offset-4"
      >
        {draftVisitId ? "继续检查" : "开始检查"}
      </Link>
    </li>
  );
}

/**
 * 待督导 on the inspector's home, from the pack on the phone (works offline): the 专项督查 visits
 * still to make, then the schools short of this month's 挂牌督导.
 */
export function DueVisits({
  routineDue,
  campaignDue,
}: {
  routineDue: readonly RoutineDue[];
  campaignDue: readonly CampaignDue[];
}) {
  if (routineDue.length === 0 && campaignDue.length === 0) return null;
  return (
    <Card className="mb-4 space-y-2" aria-label="待督导">
      <h2 className="font-medium text-slate-900">待督导</h2>
      {campaignDue.length > 0 ? (
        <section aria-label="专项督查">
          <h3 className="text-xs font-medium text-slate-600">专项督查 {campaignDue.length} 所</h3>
          <ul className="divide-y divide-slate-100">
            {campaignDue.map((due) => (
              <DueRow
                key={`${due.campaign.id}-${due.school.id}`}
                title={due.school.name}
                detail={`${due.campaign.name} · ${due.campaign.endsOn} 前完成`}
                startHref={`/inspect/start?school=${due.school.id}&campaign=${due.campaign.id}`}
                draftVisitId={due.draftVisitId}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {routineDue.length > 0 ? (
        <section aria-label="本月挂牌督导">
          <h3 className="text-xs font-medium text-slate-600">
            本月挂牌督导未完成 {routineDue.length} 所
          </h3>
          <ul className="divide-y divide-slate-100">
            {routineDue.map((due) => (
              <DueRow
                key={due.school.id}
                title={due.school.name}
                detail={`本月已督导 ${due.done} / ${due.required} 次`}
                startHref={`/inspect/start?school=${due.school.id}`}
                draftVisitId={due.draftVisitId}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
