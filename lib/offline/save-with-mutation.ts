/**
 * The rule for every local edit: the entity write and its outbox entry commit in ONE IndexedDB
 * transaction, so a crash can never leave saved data that does not sync (or a mutation without
 * its data). The outbox entries are validated (record-schemas.ts) before the transaction opens.
 */
import type { IDBPObjectStore, IDBPTransaction } from "idb";

import type { Mutation } from "@/lib/domain/mutations";

import type { AppDb } from "./db";
import type { AppDbSchema, OutboxRecord } from "./db-schema";
import { loadRecordSchemas } from "./load-record-schemas";

/** Stores whose records are edited locally and synced through the outbox. */
export type EditableStoreName = "visits" | "answers" | "photos" | "rectificationItems";

export type EditableStore<S extends EditableStoreName> = IDBPObjectStore<
  AppDbSchema,
  (S | "outbox")[],
  S,
  "readwrite"
>;

/**
 * Runs `write` on `storeName` and appends `mutation` to the outbox in the same transaction; if
 * either fails, the transaction is aborted and neither is stored.
 */
export function saveWithMutation<S extends EditableStoreName>(
  db: AppDb,
  storeName: S,
  mutation: Mutation,
  write: (store: EditableStore<S>) => Promise<unknown>,
): Promise<void> {
  return saveAcrossWithMutation(db, [storeName], mutation, (tx) =>
    write(tx.objectStore(storeName)),
  );
}

/**
 * The same rule for an edit that writes several stores (a 复查: its photos and the item).
 * `subject` names what the change is about in its outbox entry (outboxRecordSchema).
 */
export function saveAcrossWithMutation<S extends EditableStoreName>(
  db: AppDb,
  storeNames: readonly S[],
  mutation: Mutation,
  write: (tx: IDBPTransaction<AppDbSchema, (S | "outbox")[], "readwrite">) => Promise<unknown>,
  subject?: OutboxRecord["subject"],
): Promise<void> {
  return saveAcrossWithMutations(db, storeNames, [mutation], write, subject);
}

/**
 * One user action that is several mutations (本节其余项符合: one answer each): every record and
 * every outbox entry in one transaction, so the action is stored whole or not at all.
 */
export async function saveAcrossWithMutations<S extends EditableStoreName>(
  db: AppDb,
  storeNames: readonly S[],
  mutations: readonly Mutation[],
  write: (tx: IDBPTransaction<AppDbSchema, (S | "outbox")[], "readwrite">) => Promise<unknown>,
  subject?: OutboxRecord["subject"],
): Promise<void> {
  const { newOutboxRecord } = await loadRecordSchemas();
  const records = mutations.map((mutation) => newOutboxRecord(mutation, subject));
  const tx = db.transaction([...storeNames, "outbox"], "readwrite");
  const outbox = tx.objectStore("outbox");
  try {
    await Promise.all([write(tx), ...records.map((record) => outbox.add(record)), tx.done]);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request, or already finished: nothing left to undo.
  }
}
