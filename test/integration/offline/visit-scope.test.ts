import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { refusal } from "@/lib/domain/refusal";
import { setAnswer, submitVisit } from "@/lib/domain/visit/visit";

import {
  aPhotoMeta,
  aStartedVisit,
  anAnswerInput,
  anInspectorSignature,
  aSchoolSignature,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

async function aDraftWithAnswers(itemCodes: readonly string[]) {
  const opened = await openTestStores();
  const newId = idSequence();
  const { visit, mutation } = aStartedVisit(newId);
  await opened.stores.visits.saveWithMutation(visit, mutation);
  const answers = itemCodes.map((itemCode) => {
    const saved = setAnswer(visit, anAnswerInput({ itemCode }), newId, STARTED_AT + 1);
    if (!saved.ok) throw new Error(saved.message);
    return saved;
  });
  return { ...opened, visit, newId, answers };
}

describe("answerStore.saveAllWithMutations (本节其余项符合)", () => {
  it("stores every answer with its outbox entry, in order, as one action", async () => {
    const { stores, visit, answers } = await aDraftWithAnswers(["AQ-001", "AQ-002", "AQ-003"]);

    await stores.answers.saveAllWithMutations(answers);

    expect(await stores.answers.listForVisit(visit.id)).toHaveLength(3);
    const batch = await stores.outbox.peekBatch(10);
    expect(batch.slice(1).map((e) => e.mutation.id)).toEqual(answers.map((a) => a.mutation.id));
  });

  it("stores none of them when one cannot be stored", async () => {
    const { stores, visit, answers } = await aDraftWithAnswers(["AQ-001", "AQ-002"]);
    const [first, second] = answers;
    // The second reuses the first's mutation id: the outbox's unique index refuses it.
    const broken = [
      first!,
      { ...second!, mutation: { ...second!.mutation, id: first!.mutation.id } },
    ];

    await expect(stores.answers.saveAllWithMutations(broken)).rejects.toThrow();
    expect(await stores.answers.listForVisit(visit.id)).toEqual([]);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
  });
});

describe("visitStore.abandonDraft", () => {
  it("withdraws the draft's queued mutations and removes its answers and photos", async () => {
    const { stores, visit, answers } = await aDraftWithAnswers(["AQ-001", "AQ-002"]);
    await stores.answers.saveAllWithMutations(answers);
    const other = aStartedVisit(idSequence(100));
    await stores.visits.saveWithMutation(other.visit, other.mutation);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: "image/jpeg" });
    const meta = aPhotoMeta({ visitId: visit.id });
    await stores.photos.saveWithMutation(
      { meta, blob, thumbnail: blob },
      {
        id: idSequence(200)(),
        name: "photo.register",
        args: meta,
        createdAt: STARTED_AT + 2,
      },
    );

    expect(await stores.visits.abandonDraft(visit.id)).toEqual({ ok: true, withdrawn: 4 });

    expect(await stores.visits.get(visit.id)).toBeUndefined();
    expect(await stores.answers.listForVisit(visit.id)).toEqual([]);
    expect(await stores.photos.listForVisit(visit.id)).toEqual([]);
    // Only the other visit's start is left to push.
    expect((await stores.outbox.peekBatch(10)).map((e) => e.mutation.id)).toEqual([
      other.mutation.id,
    ]);
  });

  it("also withdraws its changes the server refused", async () => {
    const { stores, visit, answers } = await aDraftWithAnswers(["AQ-001"]);
    await stores.answers.saveAllWithMutations(answers);
    await stores.outbox.markRejected(
      [{ id: answers[0]!.mutation.id, refusal: refusal("conflict", "x") }],
      STARTED_AT,
    );

    expect(await stores.visits.abandonDraft(visit.id)).toEqual({ ok: true, withdrawn: 2 });
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it("refuses a submitted visit and changes nothing", async () => {
    const { stores, visit, newId } = await aDraftWithAnswers([]);
    const submitted = submitVisit(
      visit,
      {
        signatures: { inspector: anInspectorSignature(), school: aSchoolSignature() },
        summary: "",
      },
      newId,
      STARTED_AT + 10,
    );
    if (!submitted.ok) throw new Error(submitted.message);
    await stores.visits.saveWithMutation(submitted.visit, submitted.mutation);

    expect(await stores.visits.abandonDraft(visit.id)).toEqual({
      ok: false,
      reason: "检查已提交，不能放弃",
    });
    expect(await stores.visits.get(visit.id)).toEqual(submitted.visit);
    expect(await stores.outbox.counts()).toEqual({ pending: 2, rejected: 0 });
  });
});
