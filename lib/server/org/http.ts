/**
 * Who may call the /api/org/… and /api/users/… routes, and the caller's organisation scope resolved
 * once per request: the guard of their contract routes (../contract-route.ts).
 */
import "server-only";

import type { Contract } from "@/lib/contracts/contract";
import type { OrgScope } from "@/lib/domain/org/org-scope";
import type { Role, User } from "@/lib/domain/org/org.schema";
import { systemClock } from "@/lib/utils/clock";

import { orgScopeOf } from "../auth/scope";
import { requireApiUser } from "../auth/session";
import { contractRoute, type Guarded, type RouteAnswer, type RouteInput } from "../contract-route";
import { type Db, getDb } from "../db/client";

/** Organisation managers: the admin, an office, and a 市级督导室 (which only reads). */
export const ORG_ROLES: readonly Role[] = ["admin", "office", "city"];

export async function orgCaller(
  request: Request,
): Promise<Guarded<{ user: User; scope: OrgScope }>> {
  const { user, error } = await requireApiUser(request, ORG_ROLES);
  if (error) return { ok: false, response: error };
  return { ok: true, user, scope: await orgScopeOf(getDb(), user) };
}

/** What an organisation route's handler gets: the caller, its scope, the parsed request, db and now. */
export type OrgInput<C extends Contract> = Omit<RouteInput<C, unknown>, "caller"> & {
  user: User;
  scope: OrgScope;
  db: Db;
  now: number;
};

/** An organisation endpoint: the contract, guarded by `orgCaller`. */
export function orgRoute<C extends Contract>(
  spec: C,
  handler: (input: OrgInput<C>) => Promise<RouteAnswer<C>>,
) {
  return contractRoute(spec, orgCaller, ({ caller, ...input }) =>
    handler({
      ...input,
      user: caller.user,
      scope: caller.scope,
      db: getDb(),
      now: systemClock.now(),
    }),
  );
}
