import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { coverageQuerySchema, monthOf } from "@/lib/domain/plan/visit-rule";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, parseQuery } from "@/lib/server/org/http";
import { coverageSummary, schoolCoverage } from "@/lib/server/plans/coverage";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 挂牌督导 coverage of a month (this one by default): totals, by zone, by inspector, a page of schools. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const query = parseQuery(request, coverageQuerySchema);
  if (!query.ok) return query.response;
  const db = getDb();
  const districtIds = readableDistrictIds(caller.scope);
  const month = query.data.month ?? monthOf(systemClock.now());
  const [summary, schools] = await Promise.all([
    coverageSummary(db, districtIds, month),
    schoolCoverage(db, districtIds, {
      month,
      zoneId: query.data.zoneId,
      inspectorId: query.data.inspectorId,
      onlyMissing: query.data.missing === "1",
      after: query.data.after,
      limit: 100,
    }),
  ]);
  return Response.json({ month, ...summary, ...schools });
});
