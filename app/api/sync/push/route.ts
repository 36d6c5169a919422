import { syncContracts } from "@/lib/contracts/sync";
import type { Role } from "@/lib/domain/org/org.schema";
import { done } from "@/lib/domain/refusal";
import { contractRoute, signedIn } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { applyPush } from "@/lib/server/sync/apply-push";
import { PUSH_BODY } from "@/lib/server/sync/push-request";
import { inPushSlot } from "@/lib/server/sync/push-slots";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Inspectors push visits; schools and the office may push "rectification.act" (each judged per mutation). */
const PUSHERS: readonly Role[] = ["inspector", "school", "office"];

/**
 * One transaction, one result per mutation (lib/sync/protocol.ts), once a push slot is free
 * (push-slots.ts).
 */
export const POST = contractRoute(
  syncContracts.push,
  signedIn(PUSHERS),
  async ({ caller: { user }, body }) => {
    const db = getDb();
    return done(await inPushSlot(() => applyPush(db, user, body, systemClock.now())));
  },
  PUSH_BODY,
);
