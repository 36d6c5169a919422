import { orgContracts } from "@/lib/contracts/org";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { createUser, listPeople } from "@/lib/server/org/people-service";

export const dynamic = "force-dynamic";

/** The people of the districts in scope, filtered by search text, role, zone, district and status. */
export const GET = orgRoute(orgContracts.listPeople, async ({ db, scope, query }) =>
  done({ people: await listPeople(db, scope, query) }),
);

/** Opens an account; the answer carries its one-time password, shown once. */
export const POST = orgRoute(orgContracts.createUser, ({ db, user, scope, body, now }) =>
  createUser(db, user, scope, body, now),
);
