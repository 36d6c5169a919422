import Link from "next/link";

import { chinaDateTime } from "@/lib/domain/dates";
import {
  CAMPAIGN_SCHOOL_STATUS_LABELS,
  type CampaignSchoolStatus,
} from "@/lib/domain/plan/campaign.schema";
import { cn } from "@/lib/utils/cn";

export type ProgressFigures = {
  campaign: { id: string; name: string; startsOn: string; endsOn: string };
  targets: number;
  visited: number;
  due: number;
  overdue: number;
  visits: number;
  findings: number;
};

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

/** The office's campaigns with their progress. */
export function CampaignTable({ rows }: { rows: readonly ProgressFigures[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className={th}>专项</th>
            <th className={th}>时间</th>
            <th className={th}>目标学校</th>
            <th className={th}>已督查</th>
            <th className={th}>待督查</th>
            <th className={th}>已逾期</th>
            <th className={th}>发现问题</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.campaign.id}>
              <td className={td}>
                <Link
                  href={`/office/campaigns/${r.campaign.id}`}
                  className="text-brand-700 underline underline-offset-4"
                >
                  {r.campaign.name}
                </Link>
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {r.campaign.startsOn} 至 {r.campaign.endsOn}
              </td>
              <td className={td}>{r.targets}</td>
              <td className={td}>{r.visited}</td>
              <td className={td}>{r.due}</td>
              <td className={cn(td, r.overdue > 0 && "text-red-700")}>{r.overdue}</td>
              <td className={td}>{r.findings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The campaign's figures in large type. */
export function CampaignFigures({ progress }: { progress: ProgressFigures }) {
  const figures: [string, number, string][] = [
    ["目标学校", progress.targets, "targets"],
    ["已督查", progress.visited, "visited"],
    ["待督查", progress.due, "due"],
    ["已逾期", progress.overdue, "overdue"],
    ["发现问题", progress.findings, "findings"],
  ];
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
      {figures.map(([label, value, key]) => (
        <div key={key}>
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-2xl font-semibold text-slate-900" data-testid={`campaign-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const STATUS_TONES: Record<CampaignSchoolStatus, string> = {
  visited: "text-emerald-700",
  due: "text-amber-800",
  overdue: "text-red-700",
  upcoming: "text-slate-500",
};

export function CampaignSchoolTable({
  rows,
}: {
  rows: readonly {
    schoolId: string;
    schoolName: string;
    schoolCode: string;
    zoneName: string | null;
    status: CampaignSchoolStatus;
    visitId: string | null;
    visitedAt: number | null;
    inspectorName: string | null;
    findings: number;
  }[];
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className={th}>学校</th>
            <th className={th}>责任区</th>
            <th className={th}>状态</th>
            <th className={th}>督查时间</th>
            <th className={th}>督学</th>
            <th className={th}>发现问题</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.schoolId}>
              <td className={td}>
                {r.schoolName}
                <span className="ml-1 text-xs text-slate-500">{r.schoolCode}</span>
              </td>
              <td className={td}>{r.zoneName ?? "—"}</td>
              <td className={cn(td, STATUS_TONES[r.status])}>
                {CAMPAIGN_SCHOOL_STATUS_LABELS[r.status]}
              </td>
              <td className={td}>
                {r.visitId && r.visitedAt !== null ? (
                  <Link
                    href={`/office/visits/${r.visitId}`}
                    className="text-brand-700 underline underline-offset-4"
                  >
                    {chinaDateTime(r.visitedAt)}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className={td}>{r.inspectorName ?? "—"}</td>
              <td className={td}>{r.visitId ? r.findings : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
