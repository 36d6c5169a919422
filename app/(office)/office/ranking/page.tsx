import type { Metadata } from "next";
import { z } from "zod";

import { bulletinPath } from "@/lib/contracts/analytics";
import { RANKING_FORMULA } from "@/lib/domain/analytics/ranking";
import { monthAt, monthLabel } from "@/lib/domain/month";
import { monthSchema } from "@/lib/domain/month.schema";
import { getMonthlyRanking } from "@/lib/server/analytics/ranking";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { formatRate } from "@/components/rectification/format";
import { PageHeader } from "@/components/shell/page-header";
import { linkButtonClass } from "@/components/templates/link-button";
import { InvalidQuery } from "@/components/ui/invalid-query";

export const metadata: Metadata = { title: "月度排名" };

const rankingQuerySchema = z.object({ month: monthSchema.optional() });

const TH = "px-3 py-2 font-medium";
const TD = "px-3 py-2";

/** 一月一排名一通报: the month's ranking of zones and schools, the formula, and the 通报 PDF. */
export default async function RankingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "city", "admin"]);
  const now = systemClock.now();
  const { query, invalid } = await readPageQuery(searchParams, rankingQuerySchema);
  const month = query?.month ?? monthAt(now);
  const ranking = query ? await getMonthlyRanking(getDb(), user, month, now) : null;
  const canIssue = user.role !== "city" && user.districtId !== null;
  return (
    <>
      <PageHeader
        title={`${monthLabel(month)}排名`}
        description={ranking ? `逾期按 ${ranking.asOf} 计` : undefined}
        actions={
          canIssue && ranking ? (
            <a href={bulletinPath(month)} download className={linkButtonClass("primary")}>
              下载{monthLabel(month)}督导通报（PDF）
            </a>
          ) : null
        }
      />
      <div className="space-y-6">
        <form className="flex items-end gap-2" method="get">
          <label className="text-sm">
            <span className="mb-1 block text-slate-600">月份</span>
            <input
              type="month"
              name="month"
              defaultValue={month}
              className="h-11 rounded-lg border border-slate-300 px-3"
            />
          </label>
          <button type="submit" className={linkButtonClass()}>
            查看
          </button>
        </form>
        <section
          aria-label="排名办法"
          className="rounded-xl bg-slate-50 p-4 text-sm text-slate-700"
        >
          <h2 className="mb-1 font-semibold text-slate-900">排名办法</h2>
          <p>{RANKING_FORMULA}</p>
        </section>
        <InvalidQuery message={invalid} path="/office/ranking" />
        {ranking ? (
          <>
            <section aria-label="责任区排名" className="space-y-2">
              <h2 className="text-base font-semibold text-slate-900">督学责任区排名</h2>
              <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-50 text-xs text-slate-500">
                    <tr>
                      <th className={TH}>名次</th>
                      <th className={TH}>责任区</th>
                      <th className={TH}>学校数</th>
                      <th className={TH}>督导学校数</th>
                      <th className={TH}>覆盖率</th>
                      <th className={TH}>平均得分</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranking.zones.map((z) => (
                      <tr key={z.zoneId} className="border-t border-slate-100">
                        <td className={TD}>{z.rank ?? "—"}</td>
                        <td className={TD}>{z.zoneName}</td>
                        <td className={TD}>{z.schools}</td>
                        <td className={TD}>{z.visitedSchools}</td>
                        <td className={TD}>{formatRate(z.coverage)}</td>
                        <td className={TD}>{z.score ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-label="学校排名" className="space-y-2">
              <h2 className="text-base font-semibold text-slate-900">学校排名</h2>
              <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-50 text-xs text-slate-500">
                    <tr>
                      <th className={TH}>名次</th>
                      <th className={TH}>学校</th>
                      <th className={TH}>责任区</th>
                      <th className={TH}>督导次数</th>
                      <th className={TH}>问题扣分</th>
                      <th className={TH}>逾期扣分</th>
                      <th className={TH}>屡犯扣分</th>
                      <th className={TH}>得分</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranking.schools.map((s) => (
                      <tr key={s.schoolId} className="border-t border-slate-100">
                        <td className={TD}>{s.rank ?? "未督导"}</td>
                        <td className={TD}>{s.schoolName}</td>
                        <td className={TD}>{s.zoneName ?? "—"}</td>
                        <td className={TD}>{s.visits}</td>
                        <td className={TD}>{s.findingPoints}</td>
                        <td className={TD}>{s.latePoints}</td>
                        <td className={TD}>{s.repeatPoints}</td>
                        <td className={TD}>{s.rank === null ? "—" : s.score}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
