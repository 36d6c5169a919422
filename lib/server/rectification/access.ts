/**
 * Who a signed-in user is to one item's school (the actor `transition` judges), decided through
 * lib/server/auth/scope.ts. Which rows a list may show is lib/server/repositories/org/scope-sql.ts.
 */
import "server-only";

import type { User } from "@/lib/domain/org/org.schema";
import type { RectificationActor } from "@/lib/domain/rectification/rectification.schema";

import { canSeeSchool, inspectsSchool } from "../auth/scope";
import type { Executor } from "../db/client";

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
