import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { setAnswer } from "@/lib/domain/visit/visit";

import {
  aStartedVisit,
  anAnswerInput,
  anId,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

describe("saveWithMutation", () => {
  it("stores the record and its outbox entry together", async () => {
    const { stores } = await openTestStores();
    const { visit, mutation } = aStartedVisit();

    await stores.visits.saveWithMutation(visit, mutation);

    expect(await stores.visits.get(visit.id)).toEqual(visit);
    expect(await stores.outbox.peekBatch(10)).toEqual([
      { seq: 1, mutation, visitId: visit.id, status: "pending", refusal: null, rejectedAt: null },
    ]);
  });

  it("leaves neither the record nor the mutation when the transaction aborts midway", async () => {
    const { stores } = await openTestStores();
    const { visit, mutation } = aStartedVisit();
    await stores.visits.saveWithMutation(visit, mutation);
    const answer = setAnswer(visit, anAnswerInput(), idSequence(10), STARTED_AT + 1);
    if (!answer.ok) throw new Error(answer.message);

    // Reusing a mutation id breaks the outbox's unique index after the answer was written.
    const save = stores.answers.saveWithMutation(answer.answer, {
      ...answer.mutation,
      id: mutation.id,
    });

    await expect(save).rejects.toThrow();
    expect(await stores.answers.listForVisit(visit.id)).toEqual([]);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
  });

  it("keeps the order in which edits were made", async () => {
    const { stores } = await openTestStores();
    const newId = idSequence();
    const { visit, mutation } = aStartedVisit(newId);
    await stores.visits.saveWithMutation(visit, mutation);
    for (const itemCode of ["AQ-003", "AQ-001", "AQ-002"]) {
      const saved = setAnswer(visit, anAnswerInput({ itemCode }), newId, STARTED_AT + 1);
      if (!saved.ok) throw new Error(saved.message);
      await stores.answers.saveWithMutation(saved.answer, saved.mutation);
    }

    const batch = await stores.outbox.peekBatch(10);

    expect(batch.map((e) => e.mutation.id)).toEqual([anId(1), anId(3), anId(4), anId(5)]);
  });
});
