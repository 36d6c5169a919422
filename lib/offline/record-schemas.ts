/**
 * The zod schemas of the phone's stored records, one per store, and the write side of the rule in
 * read-record.ts: every record is parsed with its schema before it is stored (or arrives parsed:
 * the visit pack, pulled changes, a rescue file) and when a database upgrade rewrites it
 * (rewriteRecords, for db.ts), so that reading it back needs only the cheap check of
 * record-checks.ts. This module brings zod and every domain schema, so the stores load it on their
 * first write and the database only for an upgrade that rewrites (loadRecordSchemas), never for a
 * read.
 */
import type { IDBPTransaction } from "idb";
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { mutationSchema, mutationVisitId, type Mutation } from "@/lib/domain/mutations";
import { rectificationItemSchema } from "@/lib/domain/rectification/rectification.schema";
import { refusalSchema } from "@/lib/domain/refusal";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import { templateRefSchema, templateSchema } from "@/lib/domain/template/template.schema";
import {
  packCampaignSchema,
  packSchoolSchema,
  routineTemplatesSchema,
} from "@/lib/domain/visit/visit-pack.schema";
import { photoMetaSchema, visitAnswerSchema, visitSchema } from "@/lib/domain/visit/visit.schema";

import {
  OUTBOX_STATUSES,
  UPLOAD_STATES,
  type AppDbSchema,
  type AppStoreName,
  type OutboxRecord,
} from "./db-schema";
import { migrateRecord } from "./migrations";
import { warnUnreadable, type ReportUnreadable } from "./read-record";
import { abortQuietly } from "./save-with-mutation";

/** One mutation waiting to be pushed, or refused by the server and kept for the user to see. */
export const outboxRecordSchema = z.object({
  mutation: mutationSchema,
  /** Copied from the mutation so per-visit sync state is one index count; absent for non-visit mutations. */
  visitId: idSchema.optional(),
  status: z.enum(OUTBOX_STATUSES),
  /** Why the server rejected it: a code the app acts on, a Chinese message shown as is. */
  refusal: refusalSchema.nullable(),
  rejectedAt: z.number().int().nullable(),
  /** The 整改事项 a change is about, for people: the item itself may leave the device. */
  subject: z.object({ schoolId: idSchema, prompt: z.string() }).optional(),
  /** When the server confirmed a kept ("sent") entry. */
  sentAt: z.number().int().optional(),
});

export const uploadStateSchema = z.enum(UPLOAD_STATES);

/** A photo on the phone: its bytes, a small thumbnail for lists, and whether the server has it. */
export const photoRecordSchema = z.object({
  meta: photoMetaSchema,
  blob: z.instanceof(Blob),
  thumbnail: z.instanceof(Blob),
  uploadState: uploadStateSchema,
  /** Why the server refused the bytes (400/413/415), null otherwise. */
  uploadError: z.string().nullable(),
});

/** A sync failure as the status line shows it. */
export const syncErrorSchema = z.object({
  message: z.string(),
  at: z.number().int(),
  /** HTTP status when the server answered, null for network failures. */
  httpStatus: z.number().int().nullable(),
});

/** Small key-value records: one per key, each with its own value shape. */
export const metaRecordSchema = z.discriminatedUnion("key", [
  /** Made once per installation; sent with every push. */
  z.object({ key: z.literal("clientId"), value: idSchema }),
  /** Where the last applied pull ended; null = never pulled. */
  z.object({ key: z.literal("pullCursor"), value: z.string().nullable() }),
  z.object({
    key: z.literal("syncState"),
    lastSyncAt: z.number().int().nullable(),
    lastError: syncErrorSchema.nullable(),
  }),
  /** When the server made the visit pack now on the phone. */
  z.object({ key: z.literal("packGeneratedAt"), value: z.number().int() }),
  /** The district's deadline policy from the last visit pack. */
  z.object({ key: z.literal("deadlinePolicy"), value: deadlinePolicySchema }),
  /** The template versions a new visit may pin, from the last visit pack. */
  z.object({ key: z.literal("offeredTemplates"), value: z.array(templateRefSchema) }),
  /** The district's 挂牌督导 checklist codes, from the last visit pack. */
  z.object({ key: z.literal("routineTemplates"), value: routineTemplatesSchema }),
  /** The 专项督查 of the last visit pack (absent when it was made before packs named them). */
  z.object({ key: z.literal("campaigns"), value: z.array(packCampaignSchema) }),
]);

/** The schema of each store's records. */
export const RECORD_SCHEMAS: { [S in AppStoreName]: z.ZodType<AppDbSchema[S]["value"]> } = {
  visits: visitSchema,
  answers: visitAnswerSchema,
  photos: photoRecordSchema,
  outbox: outboxRecordSchema,
  schools: packSchoolSchema,
  templates: templateSchema,
  rectificationItems: rectificationItemSchema,
  meta: metaRecordSchema,
};

/** `record` as it may be stored in `store`; throws (and so aborts the write) if it is not valid. */
export function validRecord<S extends AppStoreName>(
  store: S,
  record: AppDbSchema[S]["value"],
): AppDbSchema[S]["value"] {
  return RECORD_SCHEMAS[store].parse(record);
}

/** A new outbox entry for `mutation`, validated like every stored record. */
export function newOutboxRecord(
  mutation: Mutation,
  subject?: OutboxRecord["subject"],
): OutboxRecord {
  const visitId = mutationVisitId(mutation);
  return validRecord("outbox", {
    mutation,
    ...(visitId === undefined ? {} : { visitId }),
    ...(subject === undefined ? {} : { subject }),
    status: "pending",
    refusal: null,
    rejectedAt: null,
  });
}

/**
 * A stored record brought to the current shape and parsed in full, or undefined (and reported)
 * when it does not parse: for what leaves the phone's own checks behind — a database upgrade, the
 * rescue file, which must import again wherever it goes.
 */
export function parseRecord<S extends AppStoreName>(
  store: S,
  key: IDBValidKey,
  raw: unknown,
  report: ReportUnreadable,
): AppDbSchema[S]["value"] | undefined {
  if (raw === undefined) return undefined;
  const parsed = RECORD_SCHEMAS[store].safeParse(migrateRecord(store, raw));
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  report({ store, key, message });
  return undefined;
}

/** parseRecord of records fetched together with their keys, leaving out those that do not parse. */
export function parseRecords<S extends AppStoreName>(
  store: S,
  keys: readonly IDBValidKey[],
  raws: readonly unknown[],
  report: ReportUnreadable,
): AppDbSchema[S]["value"][] {
  return raws.flatMap((raw, i) => {
    const record = parseRecord(store, keys[i] ?? i, raw, report);
    return record === undefined ? [] : [record];
  });
}

type UpgradeTransaction = IDBPTransaction<AppDbSchema, AppStoreName[], "versionchange">;

/**
 * Brings every record to the current shape and parses it with its schema, within a database
 * upgrade's transaction (db.ts): a record that changes (an older shape, a default filled) is
 * written back; one that does not parse is reported and left as it was, never deleted (reads skip
 * it; the rescue file and a later fix can still reach it). Whole or not at all: a failure aborts
 * the upgrade, which leaves the older version to be upgraded on the next open.
 */
export function rewriteRecords(
  transaction: UpgradeTransaction,
  report: ReportUnreadable = warnUnreadable,
): void {
  rewriteAll(transaction, report).catch(() => {
    abortQuietly(transaction);
  });
}

async function rewriteAll(
  transaction: UpgradeTransaction,
  report: ReportUnreadable,
): Promise<void> {
  for (const store of transaction.objectStoreNames) {
    let cursor = await transaction.objectStore(store).openCursor();
    while (cursor) {
      const raw: unknown = cursor.value;
      const parsed = parseRecord(store, cursor.primaryKey, raw, report);
      if (parsed !== undefined && !sameValue(raw, parsed)) await cursor.update(parsed);
      cursor = await cursor.continue();
    }
  }
}

/** Deep equality of stored values: plain data, and Blobs by identity (a parse keeps them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (a instanceof Blob || b instanceof Blob) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  return keysA.every(
    (key) => key in recordB && sameValue((a as Record<string, unknown>)[key], recordB[key]),
  );
}
