import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { setActive } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/** Disables an account: its sessions end at once and it can no longer sign in. */
export const POST = orgRoute(orgContracts.disableUser, async ({ db, user, scope, params, now }) =>
  mapOutcome(await setActive(db, user, scope, params.id, false, now), () => OK),
);
