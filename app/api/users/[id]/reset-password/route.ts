import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { resetPassword } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/** A new one-time password for someone else's account, in this answer only; they must change it. */
export const POST = orgRoute(orgContracts.resetPassword, async ({ db, user, scope, params, now }) =>
  mapOutcome(await resetPassword(db, user, scope, params.id, now), (credential) => ({
    credential,
  })),
);
