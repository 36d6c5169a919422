import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { updateUser } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/** Name, phone and zones of someone else's account; username, role and binding never change. */
export const PATCH = orgRoute(
  orgContracts.updateUser,
  async ({ db, user, scope, params, body, now }) =>
    mapOutcome(await updateUser(db, user, scope, params.id, body, now), (person) => ({ person })),
);
