/**
 * Visit headers on the phone. Writes always go with their mutation (saveWithMutation); records
 * that cannot be read are reported and left in place.
 */
import type { Id } from "@/lib/domain/ids";
import type { Mutation } from "@/lib/domain/mutations";
import { abandonRefusal } from "@/lib/domain/visit/scope";
import type { Visit } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import { loadRecordSchemas } from "./load-record-schemas";
import { readRecord, readRecords, warnUnreadable, type ReportUnreadable } from "./read-record";
import { saveWithMutation } from "./save-with-mutation";

export type VisitStore = ReturnType<typeof createVisitStore>;

export function createVisitStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  return {
    async get(id: Id): Promise<Visit | undefined> {
      return readRecord("visits", id, await db.get("visits", id), report);
    },

    /** All visits on the phone, most recently changed first. */
    async list(): Promise<Visit[]> {
      const store = db.transaction("visits").store;
      const [keys, raws] = await Promise.all([store.getAllKeys(), store.getAll()]);
      return readRecords("visits", keys, raws, report).sort((a, b) => b.updatedAt - a.updatedAt);
    },

    async listForSchool(schoolId: Id): Promise<Visit[]> {
      const index = db.transaction("visits").store.index("bySchoolId");
      const [keys, raws] = await Promise.all([index.getAllKeys(schoolId), index.getAll(schoolId)]);
      return readRecords("visits", keys, raws, report).sort((a, b) => b.startedAt - a.startedAt);
    },

    /**
     * Removes a draft from the phone with everything queued for it (its outbox entries, answers
     * and photos), in one transaction, so none of it is pushed afterwards. What the server already
     * received stays there. A submitted visit is refused. The caller holds the sync lock, so no
     * push of these entries is in flight.
     */
    async abandonDraft(
      id: Id,
    ): Promise<{ ok: true; withdrawn: number } | { ok: false; reason: string }> {
      const tx = db.transaction(["visits", "answers", "photos", "outbox"], "readwrite");
      const visit = readRecord("visits", id, await tx.objectStore("visits").get(id), report);
      const refusal = visit ? abandonRefusal(visit) : "本机没有这次检查";
      if (refusal !== null) {
        await tx.done; // nothing written
        return { ok: false, reason: refusal };
      }
      const outbox = tx.objectStore("outbox").index("byVisitStatus");
      const queued = [
        ...(await outbox.getAllKeys([id, "pending"])),
        ...(await outbox.getAllKeys([id, "rejected"])),
      ];
      for (const key of queued) await tx.objectStore("outbox").delete(key);
      for (const key of await tx.objectStore("answers").index("byVisitId").getAllKeys(id))
        await tx.objectStore("answers").delete(key);
      for (const key of await tx.objectStore("photos").index("byVisitId").getAllKeys(id))
        await tx.objectStore("photos").delete(key);
      await tx.objectStore("visits").delete(id);
      await tx.done;
      return { ok: true, withdrawn: queued.length };
    },

    /** Validates (reads only check it: read-record.ts) and stores the visit and enqueues the mutation that produced it, atomically. */
    async saveWithMutation(visit: Visit, mutation: Mutation): Promise<void> {
      const valid = (await loadRecordSchemas()).validRecord("visits", visit);
      return saveWithMutation(db, "visits", mutation, (store) => store.put(valid));
    },
  };
}
