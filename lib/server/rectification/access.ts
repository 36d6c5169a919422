/**
 * How a signed-in user stands to rectification data, decided through lib/server/auth/scope.ts: which
 * rows a list may show, and who the user is to one item's school (the actor `transition` judges).
 */
import "server-only";

import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { User } from "@/lib/domain/org/org.schema";
import type { RectificationActor } from "@/lib/domain/rectification/rectification.schema";

import { canSeeSchool, inspectsSchool, schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";

/** A WHERE condition keeping rows whose school the user may see (undefined = no restriction). */
export async function inScope(
  db: Executor,
  user: User,
  columns: { schoolId: PgColumn; districtId: PgColumn },
): Promise<SQL | undefined> {
  const scope = await schoolScopeOf(db, user);
  switch (scope.kind) {
    case "all":
      return undefined;
    case "districts":
      return scope.districtIds.length === 0
        ? sql`false`
        : inArray(columns.districtId, scope.districtIds);
    case "schools":
      return scope.schoolIds.length === 0 ? sql`false` : inArray(columns.schoolId, scope.schoolIds);
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
