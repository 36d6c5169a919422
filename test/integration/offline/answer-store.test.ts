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

  it("reports an answer that fails the read check and leaves it in place", async () => {
    const { db, stores, unreadable } = await openTestStores();
    const { photoIds: _photoIds, ...broken } = aVisitAnswer();
    await db.put("answers", broken as never);

    expect(await stores.answers.listForVisit(VISIT_ID)).toEqual([]);
    expect(unreadable).toMatchObject([
      { store: "answers", key: [VISIT_ID, "campus-safety", "AQ-001"] },
    ]);
    expect(await db.count("answers")).toBe(1);
  });

  it("refuses to store an answer that is not valid", async () => {
    const { db, stores } = await openTestStores();
    const newId = idSequence();
    const { visit, mutation } = aStartedVisit(newId);
    await stores.visits.saveWithMutation(visit, mutation);
    const saved = setAnswer(visit, anAnswerInput({ result: "pass" }), newId, STARTED_AT + 1);
    if (!saved.ok) throw new Error(saved.message);

    await expect(
      stores.answers.saveWithMutation(
        { ...saved.answer, photoIds: ["not-a-hash"] },
        saved.mutation,
      ),
    ).rejects.toThrow();
    expect(await db.count("answers")).toBe(0);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
  });
});
