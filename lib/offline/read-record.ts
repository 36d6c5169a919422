/**
 * The one way stores read: migrate the raw record, give it the cheap check of record-checks.ts, and
 * report (never delete) what fails it, so that an old or damaged record is kept for a later fix or
 * export and never reaches a screen or the server.
 *
 * Records are parsed with their zod schema when they are written — the stores validate what they
 * save (record-schemas.ts); the visit pack, pulled changes and rescue files are parsed as they
 * arrive — and when a database upgrade rewrites them (db.ts). Reading them back therefore needs no
 * zod: the screens that only read (the visit above all, issue #10) load none, and the stores bring
 * the schemas on their first write.
 */
import type { AppRecord, AppStoreName } from "./db-schema";
import { migrateRecord } from "./migrations";
import { recordProblem } from "./record-checks";

export type UnreadableRecord = { store: AppStoreName; key: IDBValidKey; message: string };
export type ReportUnreadable = (record: UnreadableRecord) => void;

export const warnUnreadable: ReportUnreadable = (record) => {
  console.warn(`Unreadable ${record.store} record kept in place`, record.key, record.message);
};

export function readRecord<S extends AppStoreName>(
  store: S,
  key: IDBValidKey,
  raw: unknown,
  report: ReportUnreadable,
): AppRecord<S> | undefined {
  if (raw === undefined) return undefined;
  const record = migrateRecord(store, raw);
  const problem = recordProblem(store, record);
  if (problem === null) return record as AppRecord<S>;
  report({ store, key, message: problem });
  return undefined;
}

/** Reads records fetched together with their keys (getAllKeys + getAll in one transaction), skipping unreadable ones. */
export function readRecords<S extends AppStoreName>(
  store: S,
  keys: readonly IDBValidKey[],
  raws: readonly unknown[],
  report: ReportUnreadable,
): AppRecord<S>[] {
  return raws.flatMap((raw, i) => {
    const record = readRecord(store, keys[i] ?? i, raw, report);
    return record === undefined ? [] : [record];
  });
}
