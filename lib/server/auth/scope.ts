/**
 * The one place that decides which schools a user may see (DESIGN.md §1). Every endpoint and page that
 * reads school data asks here: a school account sees only its own school; an inspector the schools of
 * the zones assigned to them; the office everything in its district; an admin everything.
 */
import "server-only";

import { and, eq } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import { type TemplateOwner, type TemplateRight, templateRight } from "@/lib/domain/template/library";

import type { Executor } from "../db/client";
import { schools, zoneInspectors } from "../db/schema";
import { templateRepository } from "../repositories/template-repository";

export type SchoolScope =
  | { kind: "all" }
  | { kind: "district"; districtId: string }
  | { kind: "schools"; schoolIds: string[] };

export async function schoolScopeOf(db: Executor, user: User): Promise<SchoolScope> {
  switch (user.role) {
    case "admin":
      return { kind: "all" };
    case "office":
      return user.districtId ? { kind: "district", districtId: user.districtId } : { kind: "schools", schoolIds: [] };
    case "school":
      return { kind: "schools", schoolIds: user.schoolId ? [user.schoolId] : [] };
    case "inspector": {
      const rows = await db
        .select({ id: schools.id })
        .from(schools)
        .innerJoin(zoneInspectors, eq(zoneInspectors.zoneId, schools.zoneId))
        .where(eq(zoneInspectors.userId, user.id));
      return { kind: "schools", schoolIds: rows.map((r) => r.id) };
    }
  }
}

/** The ids of every school in scope (for filters). */
export async function scopedSchoolIds(db: Executor, user: User): Promise<string[]> {
  const scope = await schoolScopeOf(db, user);
  if (scope.kind === "schools") return scope.schoolIds;
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .where(scope.kind === "district" ? eq(schools.districtId, scope.districtId) : undefined);
  return rows.map((r) => r.id);
}

export async function canSeeSchool(db: Executor, user: User, schoolId: string): Promise<boolean> {
  const scope = await schoolScopeOf(db, user);
  switch (scope.kind) {
    case "all":
      return true;
    case "schools":
      return scope.schoolIds.includes(schoolId);
    case "district": {
      const rows = await db
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.id, schoolId), eq(schools.districtId, scope.districtId)));
      return rows.length > 0;
    }
  }
}

/** Whether this user is a 责任督学 of the school (inspects it), as the rectification rules need. */
export async function inspectsSchool(db: Executor, user: User, schoolId: string): Promise<boolean> {
  if (user.role !== "inspector") return false;
  const rows = await db
    .select({ id: schools.id })
    .from(schools)
    .innerJoin(zoneInspectors, eq(zoneInspectors.zoneId, schools.zoneId))
    .where(and(eq(schools.id, schoolId), eq(zoneInspectors.userId, user.id)));
  return rows.length > 0;
}

/**
 * What the user may do with the checklist template `code` — manage, read or nothing (the national
 * library is read-only to offices; another district's templates are invisible) — and its owner;
 * null when no template has this code.
 */
export async function templateAccess(
  db: Executor,
  user: User,
  code: string,
): Promise<{ right: TemplateRight; owner: TemplateOwner } | null> {
  const found = await templateRepository.ownerOf(db, code);
  return found === null ? null : { right: templateRight(user, found.owner), owner: found.owner };
}
