import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { auditQuerySchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { listAudit } from "@/lib/server/org/audit-log";
import { orgCaller, parseQuery } from "@/lib/server/org/http";

export const dynamic = "force-dynamic";

/** One page of the audit log of the districts in scope, newest first, filtered as asked. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const query = parseQuery(request, auditQuerySchema);
  if (!query.ok) return query.response;
  const { entries, total } = await listAudit(
    getDb(),
    query.data,
    readableDistrictIds(caller.scope),
  );
  return Response.json({ entries, total, page: query.data.page, pageSize: query.data.pageSize });
});
