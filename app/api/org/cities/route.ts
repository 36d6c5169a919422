import { orgContracts } from "@/lib/contracts/org";
import { done, mapOutcome } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { createCity, listCities } from "@/lib/server/org/org-service";

export const dynamic = "force-dynamic";

/** Cities: all for the admin, its own for a 市级督导室. */
export const GET = orgRoute(orgContracts.listCities, async ({ db, user, scope }) =>
  done({ cities: await listCities(db, user, scope) }),
);

/** A new city (admin). */
export const POST = orgRoute(orgContracts.createCity, async ({ db, user, scope, body, now }) =>
  mapOutcome(await createCity(db, user, scope, body, now), (city) => ({ city })),
);
