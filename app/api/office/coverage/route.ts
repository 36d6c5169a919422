import { planContracts } from "@/lib/contracts/plans";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { coverageReport } from "@/lib/server/repositories/visits/coverage-query";

export const dynamic = "force-dynamic";

/** The 挂牌督导 coverage of a month (this one by default): totals, by zone, by inspector, a page of schools. */
export const GET = orgRoute(planContracts.coverage, async ({ db, scope, query, now }) =>
  done(await coverageReport(db, readableDistrictIds(scope), query, now)),
);
