/**
 * The one way stores read: migrate the raw record, parse it with its zod schema, and report (never
 * delete) what cannot be read, so that an old or damaged record is kept for a later fix or export.
 */
import type { z } from "zod";

import type { AppStoreName } from "./db-schema";
import { migrateRecord } from "./migrations";

export type UnreadableRecord = { store: AppStoreName; key: IDBValidKey; message: string };
export type ReportUnreadable = (record: UnreadableRecord) => void;

export const warnUnreadable: ReportUnreadable = (record) => {
  console.warn(`Unreadable ${record.store} record kept in place`, record.key, record.message);
};

export function readRecord<T>(
  schema: z.ZodType<T>,
  store: AppStoreName,
  key: IDBValidKey,
  raw: unknown,
  report: ReportUnreadable,
): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(migrateRecord(store, raw));
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
