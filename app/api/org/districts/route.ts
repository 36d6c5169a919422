import { orgContracts } from "@/lib/contracts/org";
import { done, mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { createDistrict, listDistricts } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** The districts the caller may read. */
export const GET = orgRoute(orgContracts.listDistricts, async ({ db, scope }) =>
  done({ districts: await listDistricts(db, scope) }),
);

/** A new district (admin). */
export const POST = orgRoute(orgContracts.createDistrict, async ({ db, user, scope, body, now }) =>
  mapOutcome(await createDistrict(db, user, scope, body, now), (district) => ({ district })),
);
