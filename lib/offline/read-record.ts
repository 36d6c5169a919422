/**
 * The one way stores read: migrate the raw record, check it, and report (never delete) what cannot
 * be read, so that an old or damaged record is kept for a later fix or export.
 *
 * The records a visit opens with (CHECKED_ON_WRITE) are validated with their zod schema when they
 * are written — the stores parse the visits and answers they save; the visit pack, pulled changes
 * and rescue files are parsed as they arrive — so reading them only makes a cheap check: an object
 * with every key its schema requires. Only a record that fails it (an older shape, damage) goes
 * through the full parse, which fills defaults or reports it. A visit of 150 items thus opens
 * without running zod over its template and answers (issue #10). Every other store (the outbox
 * above all, whose records go to the server) is parsed in full on read.
 */
import { z } from "zod";

import type { AppStoreName } from "./db-schema";
import { migrateRecord } from "./migrations";

export type UnreadableRecord = { store: AppStoreName; key: IDBValidKey; message: string };
export type ReportUnreadable = (record: UnreadableRecord) => void;

export const warnUnreadable: ReportUnreadable = (record) => {
  console.warn(`Unreadable ${record.store} record kept in place`, record.key, record.message);
};

const CHECKED_ON_WRITE: ReadonlySet<AppStoreName> = new Set([
  "visits",
  "answers",
  "templates",
  "schools",
]);

const requiredKeysOf = new WeakMap<z.ZodType, readonly string[] | null>();

/**
 * The top-level keys a stored record must have to skip the full parse: every key of an object
 * schema except those that may be absent and stay absent (a key with a default counts as required,
 * so a record without it is parsed and gets the default). Null: not an object schema, always parse.
 */
function requiredKeys(schema: z.ZodType): readonly string[] | null {
  let keys = requiredKeysOf.get(schema);
  if (keys === undefined) {
    keys =
      schema instanceof z.ZodObject
        ? Object.entries(schema.shape as Record<string, z.ZodType>)
            .filter(([, field]) => {
              const absent = field.safeParse(undefined);
              return !absent.success || absent.data !== undefined;
            })
            .map(([key]) => key)
        : null;
    requiredKeysOf.set(schema, keys);
  }
  return keys;
}

function passesCheck(schema: z.ZodType, record: unknown): boolean {
  const keys = requiredKeys(schema);
  if (keys === null || typeof record !== "object" || record === null || Array.isArray(record))
    return false;
  return keys.every((key) => key in record);
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
  if (CHECKED_ON_WRITE.has(store) && passesCheck(schema, record)) return record as T;
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
