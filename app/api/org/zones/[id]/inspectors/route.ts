import { OK } from "@/lib/contracts/contract";
import { orgContracts } from "@/lib/contracts/org";
import { mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { setZoneInspectors } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** Replaces the zone's 责任督学 (inspectors of its district). */
export const PUT = orgRoute(
  orgContracts.setZoneInspectors,
  async ({ db, user, scope, params, body, now }) =>
    mapOutcome(await setZoneInspectors(db, user, scope, params.id, body.userIds, now), () => OK),
);
