/**
 * Opens the phone's one IndexedDB database and owns its structure (stores and indexes).
 * Record shapes change through lib/offline/migrations.ts, not here.
 */
import { openDB, type IDBPDatabase } from "idb";

import type { AppDbSchema } from "./db-schema";

export const DB_NAME = "duxue";

/*
 * Upgrade steps, append-only: never edit a step that has shipped; add a constant and an
 * `if (oldVersion < N)` block, and bump DB_VERSION to it.
 */
/** Visits, answers, photos, outbox, visit pack and sync metadata. */
export const INITIAL_LAYOUT_VERSION = 1;

export const DB_VERSION = INITIAL_LAYOUT_VERSION;

export type AppDb = IDBPDatabase<AppDbSchema>;

export type OpenAppDbOptions = {
  /** Another tab still has an older version open; ask the user to close it. */
  onBlocked?: () => void;
  /**
   * A newer version of the app wants to upgrade the database: this connection has been closed so
   * it can, and this page must reload before touching storage again.
   */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error); reopen before the next read. */
  onTerminated?: () => void;
};

export async function openAppDb(options: OpenAppDbOptions = {}): Promise<AppDb> {
  const db = await openDB<AppDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      upgradeAppDb(database, oldVersion);
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking() {
      // Holding the connection open would stall the other tab's upgrade forever (Enketo's _handleConnectionClose).
      db.close();
      options.onVersionChange?.();
    },
    terminated() {
      options.onTerminated?.();
    },
  });
  return db;
}

/** Structure only; a step that must rewrite data takes the upgrade transaction as well. */
function upgradeAppDb(db: AppDb, oldVersion: number): void {
  if (oldVersion < INITIAL_LAYOUT_VERSION) {
    db.createObjectStore("visits", { keyPath: "id" }).createIndex("bySchoolId", "schoolId");
    db.createObjectStore("answers", {
      keyPath: ["visitId", "templateCode", "itemCode"],
    }).createIndex("byVisitId", "visitId");
    db.createObjectStore("photos", { keyPath: "meta.id" }).createIndex("byVisitId", "meta.visitId");
    const outbox = db.createObjectStore("outbox", { autoIncrement: true });
    outbox.createIndex("byMutationId", "mutation.id", { unique: true });
    outbox.createIndex("byStatus", "status");
    outbox.createIndex("byVisitStatus", ["visitId", "status"]);
    db.createObjectStore("schools", { keyPath: "id" });
    db.createObjectStore("templates", { keyPath: ["code", "version"] });
    db.createObjectStore("rectificationItems", { keyPath: "id" }).createIndex(
      "bySchoolId",
      "schoolId",
    );
    db.createObjectStore("meta", { keyPath: "key" });
  }
}
