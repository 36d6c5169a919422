import { IDBFactory } from "fake-indexeddb";

import { openAppDb, type OpenAppDbOptions } from "@/lib/offline/db";
import type { UnreadableRecord } from "@/lib/offline/read-record";
import { createAppStores } from "@/lib/offline/stores";

/** Swaps in an empty fake IndexedDB, so every test starts from a phone that never ran the app. */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/** A fresh database with all stores; unreadable-record reports are collected instead of logged. */
export async function openTestStores(options: OpenAppDbOptions = {}) {
  freshIndexedDb();
  const db = await openAppDb(options);
  const unreadable: UnreadableRecord[] = [];
  const stores = createAppStores(db, (record) => unreadable.push(record));
  return { db, stores, unreadable };
}
