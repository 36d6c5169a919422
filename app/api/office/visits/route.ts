import { planContracts } from "@/lib/contracts/plans";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { listVisits } from "@/lib/server/repositories/visits/visit-list-query";

export const dynamic = "force-dynamic";

/** One page of submitted visits of the districts the caller reads, filtered (visitListQuerySchema). */
export const GET = orgRoute(planContracts.visits, async ({ db, scope, query }) =>
  done(await listVisits(db, readableDistrictIds(scope), query)),
);
