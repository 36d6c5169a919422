import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { updateZone } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** Renames or deactivates a 督学责任区 (only once no school is left in it). */
export const PATCH = orgRoute(
  orgContracts.updateZone,
  async ({ db, user, scope, params, body, now }) =>
    mapOutcome(await updateZone(db, user, scope, params.id, body, now), () => OK),
);
