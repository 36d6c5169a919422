/**
 * The one place that decides which schools a user may see (docs/architecture.md §1). Every endpoint and page that
 * reads school data asks here: a school account sees only its own school; an inspector the schools of
 * the zones assigned to them; the office everything in its district; a 市级督导室 every district of its
 * city (reading only: orgScopeOf says who may write); an admin everything.
 */
import "server-only";

import { type OrgScope, orgScopeFor, type SchoolScope } from "@/lib/domain/org/org-scope";
import type { User } from "@/lib/domain/org/org.schema";
import {
  type TemplateOwner,
  type TemplateRight,
  templateRight,
} from "@/lib/domain/template/library";

import type { Executor } from "../db/client";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { templateRepository } from "../repositories/template-repository";

/** The districts of a 市级督导室's city (none for other roles, which need no query). */
async function cityDistrictIds(db: Executor, user: User): Promise<string[]> {
  if (user.role !== "city" || user.cityId === null) return [];
  return districtRepository.idsOfCity(db, user.cityId);
}

/**
 * Who may read and change which district's organisation (zones, schools, people, assignments,
 * audit log). Resolve it once per request and decide with lib/domain/org/org-scope.ts.
 */
export async function orgScopeOf(db: Executor, user: User): Promise<OrgScope> {
  return orgScopeFor(user, await cityDistrictIds(db, user));
}

export async function schoolScopeOf(db: Executor, user: User): Promise<SchoolScope> {
  switch (user.role) {
    case "admin":
      return { kind: "all" };
    case "office":
      return user.districtId
        ? { kind: "districts", districtIds: [user.districtId] }
        : { kind: "schools", schoolIds: [] };
    case "city":
      return { kind: "districts", districtIds: await cityDistrictIds(db, user) };
    case "school":
      return { kind: "schools", schoolIds: user.schoolId ? [user.schoolId] : [] };
    case "inspector":
      return { kind: "schools", schoolIds: await schoolRepository.idsInspectedBy(db, user.id) };
  }
}

/** The ids of every school in scope (for filters). */
export async function scopedSchoolIds(db: Executor, user: User): Promise<string[]> {
  const scope = await schoolScopeOf(db, user);
  if (scope.kind === "schools") return scope.schoolIds;
  if (scope.kind === "districts" && scope.districtIds.length === 0) return [];
  return schoolRepository.idsInDistricts(db, scope.kind === "districts" ? scope.districtIds : null);
}

export async function canSeeSchool(db: Executor, user: User, schoolId: string): Promise<boolean> {
  const scope = await schoolScopeOf(db, user);
  switch (scope.kind) {
    case "all":
      return true;
    case "schools":
      return scope.schoolIds.includes(schoolId);
    case "districts":
      if (scope.districtIds.length === 0) return false;
      return schoolRepository.isInDistricts(db, schoolId, scope.districtIds);
  }
}

/** The schools this user inspects (their 督学责任区), resolved once for a request that judges many. */
export async function inspectedSchoolIds(db: Executor, user: User): Promise<ReadonlySet<string>> {
  if (user.role !== "inspector") return new Set();
  const scope = await schoolScopeOf(db, user);
  return new Set(scope.kind === "schools" ? scope.schoolIds : []);
}

/** Whether this user is a 责任督学 of the school (inspects it), as the rectification rules need. */
export async function inspectsSchool(db: Executor, user: User, schoolId: string): Promise<boolean> {
  if (user.role !== "inspector") return false;
  return schoolRepository.isInspectedBy(db, schoolId, user.id);
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
