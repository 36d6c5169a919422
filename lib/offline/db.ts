/**
 * Opens the phone's one IndexedDB database and owns its structure (stores and indexes).
 * Record shapes change through lib/offline/migrations.ts, not here; an upgrade that must rewrite
 * records (RECORDS_VALIDATED_VERSION) runs them through those migrations and their schemas.
 */
import { openDB, type IDBPDatabase } from "idb";

import type { AppDbSchema } from "./db-schema";
import { loadRecordSchemas, type RecordSchemas } from "./load-record-schemas";
import type { ReportUnreadable } from "./read-record";

export const DB_NAME = "duxue";

/*
 * Upgrade steps, append-only: never edit a step that has shipped; add a constant and an
 * `if (oldVersion < N)` block, and bump DB_VERSION to it.
 */
/** Visits, answers, photos, outbox, visit pack and sync metadata. */
export const INITIAL_LAYOUT_VERSION = 1;
/**
 * Every stored record migrated and parsed with its schema once (issue #10). Records are validated
 * when written and read with a cheap check from here on (read-record.ts); those stored before,
 * which reads used to parse (filling the defaults of an older shape), are rewritten by this step.
 */
export const RECORDS_VALIDATED_VERSION = 2;

export const DB_VERSION = RECORDS_VALIDATED_VERSION;

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
  /** A record an upgrade cannot parse: it is left as it was, and reads will skip it. */
  report?: ReportUnreadable;
};

/** The upgrade has records to rewrite and their schemas were not loaded: it was aborted. */
class SchemasNeeded extends Error {}

/**
 * Opens the database, upgrading it if this version of the app is newer. Rewriting records needs
 * their schemas (zod, record-schemas.ts), which must be loaded before the upgrade starts (awaiting
 * anything else would commit its transaction): so a phone with records to rewrite aborts the first
 * attempt, loads them and upgrades on the second; every other open loads no zod.
 */
export async function openAppDb(options: OpenAppDbOptions = {}): Promise<AppDb> {
  try {
    return await openWith(options, null);
  } catch (error) {
    if (!(error instanceof SchemasNeeded)) throw error;
    return openWith(options, await loadRecordSchemas());
  }
}

async function openWith(options: OpenAppDbOptions, schemas: RecordSchemas | null): Promise<AppDb> {
  let schemasNeeded = false;
  const opening = openDB<AppDbSchema>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      // A failed upgrade is reported by the open itself; its transaction's must not go unhandled.
      transaction.done.catch(() => undefined);
      const rewrite =
        oldVersion >= INITIAL_LAYOUT_VERSION && oldVersion < RECORDS_VALIDATED_VERSION;
      if (rewrite && schemas === null) {
        schemasNeeded = true;
        transaction.abort();
        return;
      }
      upgradeAppDb(database, oldVersion);
      if (rewrite && schemas !== null) schemas.rewriteRecords(transaction, options.report);
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
  const db = await opening.catch((error: unknown) => {
    throw schemasNeeded ? new SchemasNeeded() : error;
  });
  return db;
}

/**
 * Structure only; a step that must rewrite data takes the upgrade transaction as well. Exported
 * for tests that make a phone of an older version.
 */
export function upgradeAppDb(db: AppDb, oldVersion: number): void {
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
