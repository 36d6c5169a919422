import { planContracts } from "@/lib/contracts/plans";
import { monthAt } from "@/lib/domain/month";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { coverageSummary, schoolCoverage } from "@/lib/server/repositories/visits/coverage-query";

export const dynamic = "force-dynamic";

/** The 挂牌督导 coverage of a month (this one by default): totals, by zone, by inspector, a page of schools. */
export const GET = orgRoute(planContracts.coverage, async ({ db, scope, query, now }) => {
  const districtIds = readableDistrictIds(scope);
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
  return done({ month, ...summary, ...schools });
});
