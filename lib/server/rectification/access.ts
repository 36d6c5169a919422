/**
 * How a signed-in user stands to rectification data, decided through lib/server/auth/scope.ts: which
 * rows a list may show, and who the user is to one item's school (the actor `transition` judges).
 */
import "server-only";

import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { User } from "@/lib/domain/org/org.schema";
import type { RectificationActor } from "@/lib/domain/rectification/rectification.schema";

import { canSeeSchool, inspectsSchool } from "../auth/scope";
import type { Executor } from "../db/client";
import { districts, schools, zoneInspectors } from "../db/schema";

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

/**
 * The actor for `transition`, or null when the school is outside the user's scope (the caller then
 * answers "not found", so out-of-scope items are not even confirmed to exist).
 */
export async function actorFor(
  db: Executor,
  user: User,
  schoolId: string,
): Promise<RectificationActor | null> {
  if (!(await canSeeSchool(db, user, schoolId))) return null;
  return {
    userId: user.id,
    role: user.role,
    schoolId: user.schoolId,
    inspectsSchool: await inspectsSchool(db, user, schoolId),
  };
}
