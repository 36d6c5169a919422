/**
 * Visit headers on the phone. Writes always go with their mutation (saveWithMutation); records
 * that cannot be read are reported and left in place.
 */
import type { Id } from "@/lib/domain/ids";
import type { Mutation } from "@/lib/domain/mutations";
import { visitSchema, type Visit } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import { readRecord, readRecords, warnUnreadable, type ReportUnreadable } from "./read-record";
import { saveWithMutation } from "./save-with-mutation";

export type VisitStore = ReturnType<typeof createVisitStore>;

export function createVisitStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  return {
    async get(id: Id): Promise<Visit | undefined> {
      return readRecord(visitSchema, "visits", id, await db.get("visits", id), report);
    },

    /** All visits on the phone, most recently changed first. */
    async list(): Promise<Visit[]> {
      const store = db.transaction("visits").store;
      const [keys, raws] = await Promise.all([store.getAllKeys(), store.getAll()]);
      return readRecords(visitSchema, "visits", keys, raws, report).sort(
        (a, b) => b.updatedAt - a.updatedAt,
      );
    },

    async listForSchool(schoolId: Id): Promise<Visit[]> {
      const index = db.transaction("visits").store.index("bySchoolId");
      const [keys, raws] = await Promise.all([index.getAllKeys(schoolId), index.getAll(schoolId)]);
      return readRecords(visitSchema, "visits", keys, raws, report).sort(
        (a, b) => b.startedAt - a.startedAt,
      );
    },

    /** Validates (reads only check it: read-record.ts) and stores the visit and enqueues the mutation that produced it, atomically. */
    async saveWithMutation(visit: Visit, mutation: Mutation): Promise<void> {
      const valid = visitSchema.parse(visit);
      return saveWithMutation(db, "visits", mutation, (store) => store.put(valid));
    },
  };
}
