/**
 * The cheap check a stored record gets when it is read (read-record.ts). Every record was parsed
 * with its zod schema when it was written or when a database upgrade rewrote it
 * (record-schemas.ts), so reading it back only asks whether it is still a record of its store: an
 * object with every key its schema requires (lib/domain/required-keys.ts) and the right kind of
 * value in the fields the readers rely on (ids, statuses, the outbox's mutation, a photo's bytes).
 * What fails it — damage, a foreign or half-written record — is reported and left in place, never
 * used and never deleted. No zod here: a page that only reads loads none.
 */
import {
  DEADLINE_POLICY_KEYS,
  PACK_SCHOOL_KEYS,
  RECTIFICATION_ITEM_KEYS,
  TEMPLATE_KEYS,
  VISIT_ANSWER_KEYS,
  VISIT_KEYS,
} from "@/lib/domain/required-keys";

import { OUTBOX_STATUSES, UPLOAD_STATES, type AppStoreName, type PhotoRecord } from "./db-schema";

/** What is wrong with `value` at `path`, or null when nothing is. */
type Check = (value: unknown, path: string) => string | null;

const kind =
  (name: string, test: (value: unknown) => boolean): Check =>
  (value, path) =>
    test(value) ? null : `${path}: expected ${name}`;

const text = kind("a string", (v) => typeof v === "string");
/** The shape of idSchema (a UUIDv7), as zod writes it. */
const UUID_V7 =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const id = kind("a UUIDv7", (v) => typeof v === "string" && UUID_V7.test(v));
const number = kind("a number", (v) => typeof v === "number" && Number.isFinite(v));
const blob = kind("a Blob", (v) => typeof Blob !== "undefined" && v instanceof Blob);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? null : check(value, path);

const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined ? null : check(value, path);

const oneOf = (values: readonly string[]): Check =>
  kind(`one of ${values.join(", ")}`, (v) => typeof v === "string" && values.includes(v));

const arrayOf =
  (check?: Check): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return `${path}: expected an array`;
    if (!check) return null;
    for (const [i, item] of value.entries()) {
      const problem = check(item, `${path}.${i}`);
      if (problem) return problem;
    }
    return null;
  };

/** An object with every one of `required` keys and `fields` as checked. */
const object =
  (fields: Record<string, Check>, required: readonly string[] = []): Check =>
  (value, path) => {
    if (!isObject(value)) return `${path}: expected an object`;
    const missing = required.find((key) => !(key in value));
    if (missing !== undefined) return `${path}.${missing}: missing`;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(value[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };

/** Keys of a stored photo: its metadata, bytes and upload state (checked like the domain's records). */
export const PHOTO_RECORD_KEYS = [
  "meta",
  "blob",
  "thumbnail",
  "uploadState",
  "uploadError",
] as const satisfies readonly (keyof PhotoRecord)[];

const refusal = object({ code: text, message: text });
const syncError = object({ message: text, at: number, httpStatus: nullable(number) });

/** A meta record by its key; an unknown key is not a record of this app. */
const META_VALUES: Record<string, Check> = {
  clientId: object({ value: text }),
  pullCursor: object({ value: nullable(text) }),
  syncState: object({ lastSyncAt: nullable(number), lastError: nullable(syncError) }),
  packGeneratedAt: object({ value: number }),
  deadlinePolicy: object({ value: object({}, DEADLINE_POLICY_KEYS) }),
  offeredTemplates: object({ value: arrayOf(object({ code: text, version: number })) }),
  routineTemplates: object({ value: arrayOf(text) }),
  campaigns: object({
    value: arrayOf(
      object({ id: text, name: text, templateCodes: arrayOf(text), dueSchoolIds: arrayOf(text) }),
    ),
  }),
};

const meta: Check = (value, path) => {
  if (!isObject(value)) return `${path}: expected an object`;
  const key = value.key;
  const check =
    typeof key === "string" && Object.hasOwn(META_VALUES, key) ? META_VALUES[key] : undefined;
  return check ? check(value, path) : `${path}.key: not a known meta key`;
};

const CHECKS: Record<AppStoreName, Check> = {
  visits: object(
    {
      id: text,
      schoolId: text,
      status: text,
      templates: arrayOf(object({ code: text, version: number })),
      startedAt: number,
      updatedAt: number,
    },
    VISIT_KEYS,
  ),
  answers: object(
    { visitId: text, templateCode: text, itemCode: text, photoIds: arrayOf(text) },
    VISIT_ANSWER_KEYS,
  ),
  // The bytes too: a Blob is what a stored photo can lose (browsers have dropped them before).
  photos: object(
    {
      meta: object({ id: text, mime: text }),
      blob,
      thumbnail: blob,
      uploadState: oneOf(UPLOAD_STATES),
      uploadError: nullable(text),
    },
    PHOTO_RECORD_KEYS,
  ),
  // What the sync engine and the conflict list rely on; the server parses the mutation in full,
  // but refuses a whole batch whose envelope holds an id that is not one.
  outbox: object({
    mutation: object({ id, name: text, args: object({}), createdAt: number }),
    visitId: optional(text),
    status: oneOf(OUTBOX_STATUSES),
    refusal: nullable(refusal),
    rejectedAt: nullable(number),
    subject: optional(object({ schoolId: text, prompt: text })),
    sentAt: optional(number),
  }),
  schools: object({ id: text, name: text }, PACK_SCHOOL_KEYS),
  templates: object({ code: text, version: number, items: arrayOf() }, TEMPLATE_KEYS),
  rectificationItems: object(
    { id: text, schoolId: text, status: text, photoIds: arrayOf(text) },
    RECTIFICATION_ITEM_KEYS,
  ),
  meta,
};

/** What makes `record` unusable as a record of `store`, or null when it may be used. */
export function recordProblem(store: AppStoreName, record: unknown): string | null {
  return CHECKS[store](record, store);
}
