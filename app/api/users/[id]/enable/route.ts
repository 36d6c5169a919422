import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { setActive } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/** Enables a disabled account again (its holder signs in with the password they had). */
export const POST = orgRoute(orgContracts.enableUser, async ({ db, user, scope, params, now }) =>
  mapOutcome(await setActive(db, user, scope, params.id, true, now), () => OK),
);
