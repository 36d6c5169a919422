import { rectificationContracts } from "@/lib/contracts/rectification";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getReadDb } from "@/lib/server/db/client";
import { listNoticePage } from "@/lib/server/rectification/queries";

export const dynamic = "force-dynamic";

/**
 * The 整改通知书 the user may see, newest first, with their items' status counts, a page at a time
 * (?after= / ?before= / ?limit=, optionally ?school=).
 */
export const GET = contractRoute(
  rectificationContracts.notices,
  signedIn(),
  async ({ caller, query }) => {
    const result = await listNoticePage(getReadDb(), caller.user, query);
    return "error" in result ? refused("invalid_input", result.error) : done(result);
  },
);
