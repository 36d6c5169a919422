import { orgContracts } from "@/lib/contracts/org";
import { done, mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { createZone, listZones } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** The 督学责任区 of the districts in scope, with their inspectors and school counts. */
export const GET = orgRoute(orgContracts.listZones, async ({ db, scope, query }) =>
  done({ zones: await listZones(db, scope, query.districtId) }),
);

/** A new 督学责任区 in a district the caller manages. */
export const POST = orgRoute(orgContracts.createZone, async ({ db, user, scope, body, now }) =>
  mapOutcome(await createZone(db, user, scope, body, now), (zone) => ({ zone })),
);
