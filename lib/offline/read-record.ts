/**
 * The one way stores read: migrate the raw record, check it, and report (never delete) what cannot
 * be read, so that an old or damaged record is kept for a later fix or export.
 *
 * The records a visit opens with (CHECKED_ON_WRITE) are validated with their zod schema when they
 * are written — the stores parse the visits, answers and photos they save; the visit pack, pulled
 * changes and rescue files are parsed as they arrive — so reading them only makes a cheap check: an
 * object with every key its schema requires (lib/domain/required-keys.ts). Only a record that fails
 * it (an older shape, damage) goes through the full parse, which fills defaults or reports it. A
 * visit of 150 items thus opens without loading zod at all (issue #10, visit-reads.ts). Every other
 * store (the outbox above all, whose records go to the server) is parsed in full on read.
 */
import type { z } from "zod";

import {
  hasKeys,
  PACK_SCHOOL_KEYS,
  TEMPLATE_KEYS,
  VISIT_ANSWER_KEYS,
  VISIT_KEYS,
} from "@/lib/domain/required-keys";

import type { AppStoreName, PhotoRecord } from "./db-schema";
import { migrateRecord } from "./migrations";

export type UnreadableRecord = { store: AppStoreName; key: IDBValidKey; message: string };
export type ReportUnreadable = (record: UnreadableRecord) => void;

export const warnUnreadable: ReportUnreadable = (record) => {
  console.warn(`Unreadable ${record.store} record kept in place`, record.key, record.message);
};

/** Keys of a stored photo: its metadata, bytes and upload state (checked like the domain's records). */
export const PHOTO_RECORD_KEYS = [
  "meta",
  "blob",
  "thumbnail",
  "uploadState",
  "uploadError",
] as const satisfies readonly (keyof PhotoRecord)[];

const CHECKED_ON_WRITE: Partial<Record<AppStoreName, (record: unknown) => boolean>> = {
  visits: (record) => hasKeys(record, VISIT_KEYS),
  answers: (record) => hasKeys(record, VISIT_ANSWER_KEYS),
  templates: (record) => hasKeys(record, TEMPLATE_KEYS),
  schools: (record) => hasKeys(record, PACK_SCHOOL_KEYS),
  // The bytes too: a Blob is what a stored photo can lose (browsers have dropped them before).
  photos: (record) =>
    hasKeys(record, PHOTO_RECORD_KEYS) &&
    record.blob instanceof Blob &&
    record.thumbnail instanceof Blob,
};

/** Whether a migrated record of `store` may be used without its full parse. */
export function passesCheck(store: AppStoreName, record: unknown): boolean {
  return CHECKED_ON_WRITE[store]?.(record) ?? false;
}

export function readRecord<T>(
  schema: z.ZodType<T>,
  store: AppStoreName,
  key: IDBValidKey,
  raw: unknown,
  report: ReportUnreadable,
): T | undefined {
  if (raw === undefined) return undefined;
  const record = migrateRecord(store, raw);
  if (passesCheck(store, record)) return record as T;
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  report({ store, key, message });
  return undefined;
}

/** Reads records fetched together with their keys (getAllKeys + getAll in one transaction), skipping unreadable ones. */
export function readRecords<T>(
  schema: z.ZodType<T>,
  store: AppStoreName,
  keys: readonly IDBValidKey[],
  raws: readonly unknown[],
  report: ReportUnreadable,
): T[] {
  return raws.flatMap((raw, i) => {
    const record = readRecord(schema, store, keys[i] ?? i, raw, report);
    return record === undefined ? [] : [record];
  });
}
