/** What the dashboard's filter menus offer: the zones and inspectors in scope, a zone's schools. */
import "server-only";

import type { User } from "@/lib/domain/org/org.schema";

import { schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";
import { type FilterOptions, filterOptionsIn } from "../repositories/rectification/dashboard-query";

/** Zones and inspectors of the schools in scope; the schools only of `zone` (a district may have thousands). */
export async function filterOptions(
  db: Executor,
  user: User,
  zone: string | undefined,
): Promise<FilterOptions> {
  return filterOptionsIn(db, await schoolScopeOf(db, user), zone);
}
