/** What the dashboard's filter menus offer: the zones and inspectors in scope, a zone's schools. */
import "server-only";

import { sql } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";

import { scopeCondition } from "./dashboard";
import { schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";

export type Option = { id: string; name: string };
export type FilterOptions = { zones: Option[]; inspectors: Option[]; schools: Option[] };

/** Zones and inspectors of the schools in scope; the schools only of `zone` (a district may have thousands). */
export async function filterOptions(
  db: Executor,
  user: User,
  zone: string | undefined,
): Promise<FilterOptions> {
  const scope = await schoolScopeOf(db, user);
  const inScope = scopeCondition(scope, sql`s.district_id`, sql`s.id`);
  const [zones, inspectors, schools] = await Promise.all([
    db.execute<Option>(sql`
      select distinct z.id::text as id, z.name from zones z join schools s on s.zone_id = z.id
      where ${inScope} order by z.name`),
    db.execute<Option>(sql`
      select distinct u.id, u.name from "user" u
      join zone_inspectors zi on zi.user_id = u.id
      join schools s on s.zone_id = zi.zone_id
      where ${inScope} order by u.name`),
    zone
      ? db.execute<Option>(sql`
          select s.id::text as id, s.name from schools s
          where ${inScope} and s.zone_id = ${zone} order by s.code`)
      : Promise.resolve({ rows: [] as Option[] }),
  ]);
  return { zones: zones.rows, inspectors: inspectors.rows, schools: schools.rows };
}
