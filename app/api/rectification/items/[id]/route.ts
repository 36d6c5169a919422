import { rectificationContracts } from "@/lib/contracts/rectification";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { getItemTimeline } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** One item with its timeline, the chain verification and the actions this user may take. */
export const GET = contractRoute(
  rectificationContracts.item,
  signedIn(),
  async ({ caller, params }) => {
    const timeline = await getItemTimeline(getDb(), caller.user, params.id, systemClock.now());
    return timeline ? done(timeline) : refused("not_found", "整改事项不存在");
  },
);
