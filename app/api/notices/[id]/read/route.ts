import { rectificationContracts } from "@/lib/contracts/rectification";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { markNoticeRead } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The school's read receipt (first opening only); `recorded` says whether this call recorded it. */
export const POST = contractRoute(
  rectificationContracts.readNotice,
  signedIn(),
  async ({ caller, params }) => {
    const result = await markNoticeRead(getDb(), caller.user, params.id, systemClock.now());
    return result.ok ? done({ notice: result.notice, recorded: result.recorded }) : result;
  },
);
