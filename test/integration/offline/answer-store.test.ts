import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { setAnswer } from "@/lib/domain/visit/visit";

import {
  aStartedVisit,
  anAnswerInput,
  aVisitAnswer,
  idSequence,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

describe("answerStore", () => {
  it("replaces the answer to an item when it is answered again", async () => {
    const { stores } = await openTestStores();
    const newId = idSequence();
    const { visit, mutation } = aStartedVisit(newId);
    await stores.visits.saveWithMutation(visit, mutation);
    for (const result of ["fail", "pass"] as const) {
      const saved = setAnswer(visit, anAnswerInput({ result }), newId, STARTED_AT + 1);
      if (!saved.ok) throw new Error(saved.message);
      await stores.answers.saveWithMutation(saved.answer, saved.mutation);
    }

    expect(await stores.answers.listForVisit(visit.id)).toEqual([
      aVisitAnswer({ visitId: visit.id, result: "pass", answeredAt: STARTED_AT + 1 }),
    ]);
    expect(await stores.answers.get(visit.id, "campus-safety", "AQ-001")).toMatchObject({
      result: "pass",
    });
    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
  });

  it("reports an unreadable answer and leaves it in place", async () => {
    const { db, stores, unreadable } = await openTestStores();
    await db.put("answers", { ...aVisitAnswer(), photoIds: ["not-a-hash"] });

    expect(await stores.answers.listForVisit(VISIT_ID)).toEqual([]);
    expect(unreadable).toMatchObject([
      { store: "answers", key: [VISIT_ID, "campus-safety", "AQ-001"] },
    ]);
    expect(await db.count("answers")).toBe(1);
  });
});
