import { rectificationContracts } from "@/lib/contracts/rectification";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getReadDb } from "@/lib/server/db/client";
import { listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * The 台账, a page at a time: items in scope filtered by ?zone=&school=&inspector=&domain=&severity=
 * &state=a,b&overdue=1&from=&to=&q=, sorted by ?sort=found|due&dir=asc|desc, paged by ?after= / ?before=
 * (the cursors in `page`) and ?limit= (≤ 200).
 */
export const GET = contractRoute(
  rectificationContracts.items,
  signedIn(),
  async ({ caller, query }) => {
    const result = await listItemPage(getReadDb(), caller.user, query, systemClock.now());
    if ("error" in result) return refused("invalid_input", result.error);
    const { rows, page, total, totalCapped } = result;
    return done({ items: rows, page, total, totalCapped });
  },
);
