/**
 * Record-shape migrations (Excalidraw's `restore*` idea): pure functions from an older stored shape
 * to the next, applied on read before the cheap check (read-record.ts) and by a database upgrade
 * before it parses and rewrites every record (record-schemas.ts). A shape change therefore comes
 * with a database version whose upgrade rewrites the records. Structure changes belong in db.ts.
 */
import { upgradeLegacyTemplate } from "@/lib/domain/template/legacy-template";

import type { AppStoreName } from "./db-schema";

/** One step: turns a record of the previous shape into the next, and leaves newer records as they are. */
export type RecordMigration = (raw: unknown) => unknown;

/**
 * Steps per store, oldest first and append-only. When a record's shape changes, add a step here
 * and a fixture holding a record of the previous shape in test/fixtures/ (docs/architecture.md §8).
 */
const RECORD_MIGRATIONS: Record<AppStoreName, readonly RecordMigration[]> = {
  visits: [],
  answers: [],
  photos: [],
  // Issue #13: a rejection carries the server's refusal code, not only its reason.
  outbox: [upgradeLegacyRejection],
  schools: [],
  // Issue #9: structured basis, finding, requirement, provenance and frameworks on every item.
  templates: [upgradeLegacyTemplate],
  rectificationItems: [],
  meta: [],
};

/**
 * An outbox record of before issue #13 had `reason: string | null`. Its code is unknown; `conflict`
 * ("check, then discard or enter again") is the advice that fits any old rejection.
 */
function upgradeLegacyRejection(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || !("reason" in raw) || "refusal" in raw) return raw;
  const { reason, ...rest } = raw;
  const refusal =
    typeof reason === "string" && reason !== "" ? { code: "conflict", message: reason } : null;
  return { ...rest, refusal };
}

export function applyMigrations(raw: unknown, steps: readonly RecordMigration[]): unknown {
  return steps.reduce((record, step) => step(record), raw);
}

/** Brings a raw record read from `store` to the current shape (it is checked or parsed afterwards). */
export function migrateRecord(store: AppStoreName, raw: unknown): unknown {
  return applyMigrations(raw, RECORD_MIGRATIONS[store]);
}
