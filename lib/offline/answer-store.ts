/**
 * Answers on the phone, one record per [visitId, templateCode, itemCode], so that a tap writes
 * one small record plus its outbox entry. Unreadable records are reported and left in place.
 */
import type { Id } from "@/lib/domain/ids";
import type { Mutation } from "@/lib/domain/mutations";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import { loadRecordSchemas } from "./load-record-schemas";
import { readRecord, readRecords, warnUnreadable, type ReportUnreadable } from "./read-record";
import { saveAcrossWithMutations, saveWithMutation } from "./save-with-mutation";

export type AnswerStore = ReturnType<typeof createAnswerStore>;

export function createAnswerStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  return {
    async get(
      visitId: Id,
      templateCode: string,
      itemCode: string,
    ): Promise<VisitAnswer | undefined> {
      const key: [string, string, string] = [visitId, templateCode, itemCode];
      return readRecord("answers", key, await db.get("answers", key), report);
    },

    async listForVisit(visitId: Id): Promise<VisitAnswer[]> {
      const index = db.transaction("answers").store.index("byVisitId");
      const [keys, raws] = await Promise.all([index.getAllKeys(visitId), index.getAll(visitId)]);
      return readRecords("answers", keys, raws, report);
    },

    /** Validates (reads only check it: read-record.ts) and stores the answer and enqueues its `answer.save` mutation, atomically. */
    async saveWithMutation(answer: VisitAnswer, mutation: Mutation): Promise<void> {
      const valid = (await loadRecordSchemas()).validRecord("answers", answer);
      return saveWithMutation(db, "answers", mutation, (store) => store.put(valid));
    },

    /** Several answers of one action and their mutations, validated, all in one transaction. */
    async saveAllWithMutations(
      changes: readonly { answer: VisitAnswer; mutation: Mutation }[],
    ): Promise<void> {
      const { validRecord } = await loadRecordSchemas();
      const answers = changes.map((c) => validRecord("answers", c.answer));
      return saveAcrossWithMutations(
        db,
        ["answers"],
        changes.map((c) => c.mutation),
        (tx) => Promise.all(answers.map((answer) => tx.objectStore("answers").put(answer))),
      );
    },
  };
}
