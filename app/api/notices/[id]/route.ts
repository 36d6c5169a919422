import { rectificationContracts } from "@/lib/contracts/rectification";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { getNotice } from "@/lib/server/rectification/queries";

export const dynamic = "force-dynamic";

/** One notice with its items; 404 when it is unknown or outside the user's scope. */
export const GET = contractRoute(
  rectificationContracts.notice,
  signedIn(),
  async ({ caller, params }) => {
    const notice = await getNotice(getDb(), caller.user, params.id);
    return notice ? done({ notice }) : refused("not_found", "整改通知书不存在");
  },
);
