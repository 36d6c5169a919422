import type { Role } from "./org.schema";

/**
 * What a user may do with a district's organisation (zones, schools, people, assignments, audit):
 * the admin everything; an office its own district, read and write; a 市级督导室 every district of
 * its city, read only; inspectors and schools no organisation at all. Resolved once per request by
 * lib/server/auth/scope.ts (which looks up the city's districts); the decisions here are pure.
 */
export type OrgScope =
  | { kind: "all" }
  | { kind: "districts"; districtIds: readonly string[]; writable: boolean }
  | { kind: "none" };

export type DistrictAccess = "write" | "read" | "none";

/**
 * Which schools a user may see (lib/server/auth/scope.ts resolves it): every school, those of some
 * districts, or a list of schools.
 */
export type SchoolScope =
  | { kind: "all" }
  | { kind: "districts"; districtIds: string[] }
  | { kind: "schools"; schoolIds: string[] };

/** What a 市级督导室 is told when it tries to change a district it can only read. */
export const READ_ONLY_MESSAGE = "市级督导室账号只能查看，不能修改";

export function orgScopeFor(
  user: { role: Role; districtId: string | null },
  cityDistrictIds: readonly string[],
): OrgScope {
  switch (user.role) {
    case "admin":
      return { kind: "all" };
    case "office":
      return user.districtId
        ? { kind: "districts", districtIds: [user.districtId], writable: true }
        : { kind: "none" };
    case "city":
      return { kind: "districts", districtIds: cityDistrictIds, writable: false };
    case "inspector":
    case "school":
      return { kind: "none" };
  }
}

export function districtAccess(scope: OrgScope, districtId: string | null): DistrictAccess {
  switch (scope.kind) {
    case "all":
      return "write";
    case "none":
      return "none";
    case "districts":
      if (districtId === null || !scope.districtIds.includes(districtId)) return "none";
      return scope.writable ? "write" : "read";
  }
}

/** The districts a list may show: null = every district. */
export function readableDistrictIds(scope: OrgScope): readonly string[] | null {
  switch (scope.kind) {
    case "all":
      return null;
    case "none":
      return [];
    case "districts":
      return scope.districtIds;
  }
}

/**
 * Which roles an account manager may open: the admin any; an office only the people of its own
 * district (never another admin or a city account).
 */
export function canCreateRole(scope: OrgScope, role: Role): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "none" || !scope.writable) return false;
  return role === "office" || role === "inspector" || role === "school";
}
