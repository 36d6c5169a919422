import { rectificationContracts } from "@/lib/contracts/rectification";
import { idSchema } from "@/lib/domain/ids";
import { done, refused } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Body `{ action, expectedVersion? }` → the updated item and its event; 403 / 404 / 409 / 422 change nothing. */
export const POST = contractRoute(
  rectificationContracts.act,
  signedIn(),
  async ({ caller: { user }, params: { id }, body }) => {
    if (!idSchema.safeParse(id).success) return refused("not_found", "整改事项不存在");
    const input = { itemId: id, ...body };
    const result = await applyRectificationAction(getDb(), user, input, systemClock.now());
    return result.ok ? done({ item: result.item, event: result.event }) : result;
  },
);
