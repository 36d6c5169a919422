import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { visitListQuerySchema } from "@/lib/domain/visit/visit-list.schema";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, parseQuery } from "@/lib/server/org/http";
import { listVisits } from "@/lib/server/visits/visit-list";

export const dynamic = "force-dynamic";

/** One page of submitted visits of the districts the caller reads, filtered (visitListQuerySchema). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const query = parseQuery(request, visitListQuerySchema);
  if (!query.ok) return query.response;
  return Response.json(await listVisits(getDb(), readableDistrictIds(caller.scope), query.data));
});
