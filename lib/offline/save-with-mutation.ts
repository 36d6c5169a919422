/**
 * The rule for every local edit: the entity write and its outbox entry commit in ONE IndexedDB
 * transaction, so a crash can never leave saved data that does not sync (or a mutation without
 * its data).
 */
import type { IDBPObjectStore, IDBPTransaction } from "idb";

import { mutationVisitId, type Mutation } from "@/lib/domain/mutations";

import type { AppDb } from "./db";
import type { AppDbSchema, OutboxRecord } from "./db-schema";

/** Stores whose records are edited locally and synced through the outbox. */
export type EditableStoreName = "visits" | "answers" | "photos" | "rectificationItems";

export type EditableStore<S extends EditableStoreName> = IDBPObjectStore<
  AppDbSchema,
  (S | "outbox")[],
  S,
  "readwrite"
>;

export function newOutboxRecord(mutation: Mutation): OutboxRecord {
  const visitId = mutationVisitId(mutation);
  return {
    mutation,
    ...(visitId === undefined ? {} : { visitId }),
    status: "pending",
    refusal: null,
    rejectedAt: null,
  };
}

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

/** The same rule for an edit that writes several stores (a 复查: its photos and the item). */
export async function saveAcrossWithMutation<S extends EditableStoreName>(
  db: AppDb,
  storeNames: readonly S[],
  mutation: Mutation,
  write: (tx: IDBPTransaction<AppDbSchema, (S | "outbox")[], "readwrite">) => Promise<unknown>,
): Promise<void> {
  const tx = db.transaction([...storeNames, "outbox"], "readwrite");
  try {
    await Promise.all([
      write(tx),
      tx.objectStore("outbox").add(newOutboxRecord(mutation)),
      tx.done,
    ]);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request, or already finished: nothing left to undo.
  }
}
