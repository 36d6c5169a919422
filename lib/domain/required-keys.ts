/**
 * The top-level keys a record must have to be used without a full parse (docs/architecture.md §8):
 * records parsed with their zod schema when they were written or arrived are read back with this
 * check alone, so the inspector's first screens load no zod (issue #10). Each list is what its
 * schema requires — a key with a default counts, so an older record without it is parsed and gets
 * the default. They are spelt out because deriving them needs zod at run time;
 * test/unit/domain/required-keys.test.ts derives every list from its schema and fails when one
 * differs, so a list cannot drift from its schema.
 */
import type { User } from "./org/org.schema";
import type { RectificationItem } from "./rectification/rectification.schema";
import type { DeadlinePolicy } from "./template/deadline-policy";
import type { Template } from "./template/template.schema";
import type { PackSchool } from "./visit/visit-pack.schema";
import type { Visit, VisitAnswer } from "./visit/visit.schema";

export const VISIT_KEYS = [
  "id",
  "schoolId",
  "inspectorId",
  "kind",
  "templates",
  "startedAt",
  "endedAt",
  "location",
  "summary",
  "signatures",
  "status",
  "submittedAt",
  "updatedAt",
] as const satisfies readonly (keyof Visit)[];

export const VISIT_ANSWER_KEYS = [
  "templateCode",
  "itemCode",
  "result",
  "value",
  "note",
  "photoIds",
  "finding",
  "answeredAt",
  "visitId",
] as const satisfies readonly (keyof VisitAnswer)[];

export const TEMPLATE_KEYS = [
  "code",
  "title",
  "domain",
  "description",
  "items",
  "version",
  "status",
  "publishedAt",
] as const satisfies readonly (keyof Template)[];

export const PACK_SCHOOL_KEYS = [
  "stage",
  "ownership",
  "isVillage",
  "isBoarding",
  "canteen",
  "hasSchoolBus",
  "studentCount",
  "classCount",
  "code",
  "name",
  "address",
  "principal",
  "contact",
  "phone",
  "zoneId",
  "id",
  "districtId",
  "isActive",
  "lastVisit",
] as const satisfies readonly (keyof PackSchool)[];

export const DEADLINE_POLICY_KEYS = [
  "minor",
  "major",
  "critical",
  "reviewDays",
  "returnDays",
] as const satisfies readonly (keyof DeadlinePolicy)[];

export const RECTIFICATION_ITEM_KEYS = [
  "id",
  "districtId",
  "schoolId",
  "visitId",
  "noticeId",
  "templateCode",
  "templateVersion",
  "itemCode",
  "section",
  "prompt",
  "basis",
  "severity",
  "description",
  "requiredAction",
  "mode",
  "dueDate",
  "photoIds",
  "status",
  "afterPhotoIds",
  "response",
  "extension",
  "returnReason",
  "cancelReason",
  "escalations",
  "closedAt",
  "createdAt",
  "updatedAt",
  "version",
] as const satisfies readonly (keyof RectificationItem)[];

export const USER_KEYS = [
  "id",
  "username",
  "name",
  "role",
  "schoolId",
  "districtId",
  "cityId",
  "mustChangePassword",
] as const satisfies readonly (keyof User)[];

/** An object (not an array or null) with every one of `keys`. */
export function hasKeys(
  record: unknown,
  keys: readonly string[],
): record is Record<string, unknown> {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return false;
  return keys.every((key) => key in record);
}
