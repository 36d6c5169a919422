import Link from "next/link";

import type { Figures } from "@/lib/domain/analytics/figures";
import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import type { School } from "@/lib/domain/org/org.schema";

import { formatRate } from "./format";

export type SchoolRow = { school: School; zoneName: string | null; summary: Figures | null };

/**
 * The district's schools: the attributes that decide which checks apply, and their open work. Each
 * name opens the school's edit page.
 */
export function SchoolTable({ rows }: { rows: readonly SchoolRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">学校</th>
            <th className="px-3 py-2 font-medium">责任区</th>
            <th className="px-3 py-2 font-medium">学段 · 性质</th>
            <th className="px-3 py-2 font-medium">办学条件</th>
            <th className="px-3 py-2 text-right font-medium">学生 / 班级</th>
            <th className="px-3 py-2 text-right font-medium">未销号</th>
            <th className="px-3 py-2 text-right font-medium">逾期</th>
            <th className="px-3 py-2 text-right font-medium">销号率</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ school, zoneName, summary }) => {
            const open = summary ? summary.open : 0;
            const traits = [
              CANTEEN_LABELS[school.canteen],
              school.isBoarding ? "寄宿制" : null,
              school.isVillage ? "村小/教学点" : null,
              school.hasSchoolBus ? "有校车" : null,
            ].filter(Boolean);
            return (
              <tr key={school.id} className="align-top hover:bg-slate-50">
                <td className="px-3 py-2">
                  <Link
                    href={`/office/schools/${school.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {school.name}
                  </Link>
                  {school.isActive ? null : (
                    <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-600">
                      已停用
                    </span>
                  )}
                  <p className="text-xs text-slate-500">
                    {school.code}
                    {school.principal ? ` · 校长 ${school.principal}` : ""}
                  </p>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{zoneName ?? "未分配"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {STAGE_LABELS[school.stage]} · {OWNERSHIP_LABELS[school.ownership]}
                </td>
                <td className="px-3 py-2 text-slate-600">{traits.join("、")}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {school.studentCount} / {school.classCount}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {open > 0 ? (
                    <Link
                      href={`/office/items?school=${school.id}&state=pending,in_progress,submitted,returned`}
                      className="text-brand-700 hover:underline"
                    >
                      {open}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {summary && summary.overdue > 0 ? (
                    <Link
                      href={`/office/items?school=${school.id}&overdue=1`}
                      className="font-medium text-red-600 hover:underline"
                    >
                      {summary.overdue}
                    </Link>
                  ) : (
                    0
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatRate(summary?.closureRate ?? null)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
