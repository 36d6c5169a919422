import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { updateDistrict } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** Renames, re-prefixes, moves to a city or deactivates a district (admin); never deleted. */
export const PATCH = orgRoute(
  orgContracts.updateDistrict,
  async ({ db, user, scope, params, body, now }) =>
    mapOutcome(await updateDistrict(db, user, scope, params.id, body, now), (district) => ({
      district,
    })),
);
