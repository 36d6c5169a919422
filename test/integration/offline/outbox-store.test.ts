import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { actMutation } from "@/lib/domain/rectification/follow-up";
import { setAnswer } from "@/lib/domain/visit/visit";
import { SENT_KEPT_MS } from "@/lib/offline/outbox-store";

import {
  aStartedVisit,
  anAnswerInput,
  anId,
  anOpenItem,
  idsOf,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

/** A started visit with answers to AQ-001…AQ-00n; mutation ids anId(1) (start), anId(3)… (answers). */
async function aVisitWithAnswers(count: number) {
  const opened = await openTestStores();
  const newId = idSequence();
  const { visit, mutation } = aStartedVisit(newId);
  await opened.stores.visits.saveWithMutation(visit, mutation);
  for (let i = 1; i <= count; i += 1) {
    const saved = setAnswer(visit, anAnswerInput({ itemCode: `AQ-00${i}` }), newId, STARTED_AT + i);
    if (!saved.ok) throw new Error(saved.message);
    await opened.stores.answers.saveWithMutation(saved.answer, saved.mutation);
  }
  return { ...opened, visit };
}

const NOW = STARTED_AT + 60 * 60_000;

describe("outboxStore", () => {
  it("peeks the oldest pending mutations in order, up to the limit", async () => {
    const { stores } = await aVisitWithAnswers(3);

    expect(idsOf(await stores.outbox.peekBatch(3))).toEqual([anId(1), anId(3), anId(4)]);
  });

  it("removes only the acknowledged mutations", async () => {
    const { stores } = await aVisitWithAnswers(2);

    await stores.outbox.ack([anId(1), anId(4), anId(999)], NOW);

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(3)]);
  });

  it("keeps a 复查 decision the server applied for review, apart from what waits, for a few days", async () => {
    const { stores } = await aVisitWithAnswers(1);
    const item = anOpenItem();
    const decision = actMutation(
      item,
      { type: "record_still_open", note: "仍未整改" },
      anId(50),
      NOW,
    );
    await stores.rectification.saveWithMutation(item, [], decision);

    await stores.outbox.ack([anId(50), anId(1)], NOW);

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(3)]);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
    expect(await stores.outbox.listSent()).toMatchObject([
      {
        mutation: { id: anId(50) },
        status: "sent",
        sentAt: NOW,
        subject: { schoolId: item.schoolId, prompt: item.prompt },
      },
    ]);

    await stores.outbox.ack([anId(3)], NOW + SENT_KEPT_MS + 1);

    expect(await stores.outbox.listSent()).toEqual([]);
  });

  it("keeps rejected mutations with their refusal, listed apart and skipped by peekBatch", async () => {
    const { stores, visit } = await aVisitWithAnswers(2);

    await stores.outbox.markRejected(
      [{ id: anId(3), refusal: { code: "invalid_input", message: "该检查表不在本次检查中" } }],
      STARTED_AT + 99,
    );

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(1), anId(4)]);
    expect(await stores.outbox.listRejected()).toMatchObject([
      {
        mutation: { id: anId(3) },
        status: "rejected",
        refusal: { code: "invalid_input", message: "该检查表不在本次检查中" },
        rejectedAt: STARTED_AT + 99,
      },
    ]);
    expect(await stores.outbox.counts()).toEqual({ pending: 2, rejected: 1 });
    expect(await stores.outbox.countsForVisit(visit.id)).toEqual({ pending: 2, rejected: 1 });
  });

  it("puts a retried mutation back in its original place", async () => {
    const { stores } = await aVisitWithAnswers(2);
    await stores.outbox.markRejected(
      [{ id: anId(3), refusal: { code: "conflict", message: "暂不可用" } }],
      STARTED_AT,
    );

    await stores.outbox.retry([anId(3)]);

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(1), anId(3), anId(4)]);
    expect(await stores.outbox.listRejected()).toEqual([]);
  });

  it("discards rejected mutations only when asked, never pending ones", async () => {
    const { stores } = await aVisitWithAnswers(2);
    await stores.outbox.markRejected(
      [{ id: anId(3), refusal: { code: "forbidden", message: "超出督导范围" } }],
      STARTED_AT,
    );

    await stores.outbox.discard([anId(3), anId(4)]);

    expect(await stores.outbox.counts()).toEqual({ pending: 2, rejected: 0 });
    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(1), anId(4)]);
  });

  it("reports an unreadable entry, keeps it and still hands out the others", async () => {
    const { db, stores, unreadable } = await aVisitWithAnswers(1);
    const key = await db.add("outbox", {
      mutation: { name: "visit.archive" },
      status: "pending",
      refusal: null,
      rejectedAt: null,
    } as never);

    expect(idsOf(await stores.outbox.peekBatch(10))).toEqual([anId(1), anId(3)]);
    expect(unreadable).toMatchObject([{ store: "outbox", key }]);
    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
  });
});
