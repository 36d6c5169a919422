import { orgContracts } from "@/lib/contracts/org";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { listAudit } from "@/lib/server/repositories/org/audit-log-repository";

export const dynamic = "force-dynamic";

/** One page of the audit log of the districts in scope, newest first, filtered as asked. */
export const GET = orgRoute(orgContracts.audit, async ({ db, scope, query }) => {
  const { entries, total } = await listAudit(db, query, readableDistrictIds(scope));
  return done({ entries, total, page: query.page, pageSize: query.pageSize });
});
