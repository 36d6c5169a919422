import { rectificationContracts } from "@/lib/contracts/rectification";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getReadDb } from "@/lib/server/db/client";
import { REVIEWERS } from "@/lib/server/rectification/http";
import { listReviewQueue } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Answers awaiting 复查 and extension requests awaiting a decision by this user, oldest first, a page
 * at a time (?after= / ?before= / ?limit=).
 */
export const GET = contractRoute(
  rectificationContracts.reviewQueue,
  signedIn(REVIEWERS),
  async ({ caller, query }) => {
    const result = await listReviewQueue(getReadDb(), caller.user, query, systemClock.now());
    return "error" in result ? refused("invalid_input", result.error) : done(result);
  },
);
