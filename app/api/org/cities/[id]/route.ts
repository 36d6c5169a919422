import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { updateCity } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** Renames or deactivates a city (admin); a city is never deleted. */
export const PATCH = orgRoute(
  orgContracts.updateCity,
  async ({ db, user, scope, params, body, now }) =>
    mapOutcome(await updateCity(db, user, scope, params.id, body, now), (city) => ({ city })),
);
