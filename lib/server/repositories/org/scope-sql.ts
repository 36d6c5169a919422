/**
 * Which rows a list may show a signed-in user, as SQL (the same rule as lib/server/auth/scope.ts):
 * read models of every table group add it to their WHERE.
 */
import "server-only";

import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { User } from "@/lib/domain/org/org.schema";

import { districts, schools, zoneInspectors } from "../../db/schema";

/**
 * A WHERE condition keeping rows whose school the user may see (undefined = no restriction). Pure
 * SQL: the inspector's schools and the city's districts are subqueries, so scope costs no query of
 * its own and binds no list of ids, however many schools it covers.
 */
export function inScope(
  user: User,
  columns: { schoolId: PgColumn; districtId: PgColumn },
): SQL | undefined {
  switch (user.role) {
    case "admin":
      return undefined;
    case "office":
      return user.districtId ? eq(columns.districtId, user.districtId) : sql`false`;
    case "city":
      return user.cityId
        ? inArray(
            columns.districtId,
            sql`(SELECT ${districts.id} FROM ${districts} WHERE ${districts.cityId} = ${user.cityId})`,
          )
        : sql`false`;
    case "school":
      return user.schoolId ? eq(columns.schoolId, user.schoolId) : sql`false`;
    case "inspector":
      return inArray(
        columns.schoolId,
        sql`(SELECT ${schools.id} FROM ${schools} JOIN ${zoneInspectors} ON ${zoneInspectors.zoneId} = ${schools.zoneId} WHERE ${zoneInspectors.userId} = ${user.id})`,
      );
  }
}
