import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { registerPhoto, setAnswer } from "@/lib/domain/visit/visit";
import { exportUnsynced, importUnsynced, unsyncedExportSchema } from "@/lib/offline/export";

import {
  aStartedVisit,
  anAnswerInput,
  anId,
  aPhotoHash,
  aPhotoMeta,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

const EXPORTED_AT = STARTED_AT + 3_600_000;

/** A phone with a started visit, one photo (not uploaded) and an answer using it, and one rejected answer. */
async function aPhoneWithUnsyncedWork() {
  const opened = await openTestStores();
  const { stores } = opened;
  const newId = idSequence();
  await stores.meta.getOrCreateClientId(() => anId(500));
  const { visit, mutation } = aStartedVisit(newId);
  await stores.visits.saveWithMutation(visit, mutation);
  const photo = registerPhoto(visit, aPhotoMeta({ visitId: visit.id }), newId, STARTED_AT + 1);
  if (!photo.ok) throw new Error(photo.message);
  // Larger than one base64 chunk (32 KiB), so the chunking is exercised.
  const bytes = new Uint8Array(40_000).map((_, i) => i % 251);
  await stores.photos.saveWithMutation(
    {
      meta: photo.photo,
      blob: new Blob([bytes], { type: "image/jpeg" }),
      thumbnail: new Blob(["thumb"], { type: "image/webp" }),
    },
    photo.mutation,
  );
  for (const [itemCode, photoIds] of [
    ["AQ-001", [aPhotoHash("1")]],
    ["AQ-002", []],
  ] as const) {
    const answer = setAnswer(
      visit,
      anAnswerInput({ itemCode, photoIds: [...photoIds] }),
      newId,
      STARTED_AT + 2,
    );
    if (!answer.ok) throw new Error(answer.message);
    await stores.answers.saveWithMutation(answer.answer, answer.mutation);
  }
  await stores.outbox.markRejected(
    [{ id: anId(5), refusal: { code: "forbidden", message: "超出督导范围" } }],
    STARTED_AT + 3,
  );
  return { ...opened, visit, bytes };
}

describe("exportUnsynced", () => {
  it("writes every unconfirmed mutation, its visit, answers and photo bytes to one JSON file", async () => {
    const { db, visit, bytes } = await aPhoneWithUnsyncedWork();

    const file = unsyncedExportSchema.parse(JSON.parse(await exportUnsynced(db, EXPORTED_AT)));

    expect(file).toMatchObject({
      format: "duxue-unsynced",
      version: 1,
      exportedAt: EXPORTED_AT,
      clientId: anId(500),
    });
    expect(file.outbox.map((r) => [r.mutation.name, r.status])).toEqual([
      ["visit.start", "pending"],
      ["photo.register", "pending"],
      ["answer.save", "pending"],
      ["answer.save", "rejected"],
    ]);
    expect(file.visits).toEqual([visit]);
    expect(file.answers.map((a) => a.itemCode)).toEqual(["AQ-001", "AQ-002"]);
    expect(file.photos).toHaveLength(1);
    expect(Buffer.from(file.photos[0]?.data ?? "", "base64").equals(bytes)).toBe(true);
  });

  it("leaves out, reports and keeps a record that passes the read check but not its schema, so the file still imports", async () => {
    const { db, visit } = await aPhoneWithUnsyncedWork();
    // Damage the read check does not look at: submitted, yet without a submit time.
    const damaged = { ...visit, status: "submitted" as const };
    await db.put("visits", damaged);
    const reported: { store: string }[] = [];

    const text = await exportUnsynced(db, EXPORTED_AT, (record) => reported.push(record));

    expect(unsyncedExportSchema.parse(JSON.parse(text)).visits).toEqual([]);
    expect(reported).toMatchObject([{ store: "visits", key: visit.id }]);
    expect(await db.get("visits", visit.id)).toEqual(damaged);
    const { db: other } = await openTestStores();
    expect(await importUnsynced(other, text)).toMatchObject({ ok: true });
  });

  it("leaves out photos the server already has", async () => {
    const { db, stores } = await aPhoneWithUnsyncedWork();
    await stores.photos.markUploaded(aPhotoHash("1"));

    const file = unsyncedExportSchema.parse(JSON.parse(await exportUnsynced(db, EXPORTED_AT)));

    expect(file.photos).toEqual([]);
  });
});

describe("importUnsynced", () => {
  it("restores the work on another phone, queued in the same order", async () => {
    const { db: source, visit, bytes } = await aPhoneWithUnsyncedWork();
    const text = await exportUnsynced(source, EXPORTED_AT);
    const { db, stores } = await openTestStores();

    const result = await importUnsynced(db, text);

    expect(result).toEqual({ ok: true, added: { mutations: 4, visits: 1, answers: 2, photos: 1 } });
    expect(await stores.visits.get(visit.id)).toEqual(visit);
    expect((await stores.outbox.peekBatch(10)).map((e) => e.mutation.name)).toEqual([
      "visit.start",
      "photo.register",
      "answer.save",
    ]);
    expect(await stores.outbox.listRejected()).toMatchObject([
      { refusal: { code: "forbidden", message: "超出督导范围" } },
    ]);
    expect(await stores.photos.get(aPhotoHash("1"))).toMatchObject({ uploadState: "pending" });
    const blob = await stores.photos.getBlob(aPhotoHash("1"));
    expect(Buffer.from((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)).equals(bytes)).toBe(true);
    expect((await stores.photos.getThumbnail(aPhotoHash("1")))?.type).toBe("image/webp");
  });

  it("changes nothing when the same file is imported twice", async () => {
    const { db: source } = await aPhoneWithUnsyncedWork();
    const text = await exportUnsynced(source, EXPORTED_AT);
    const { db, stores } = await openTestStores();
    await importUnsynced(db, text);

    const again = await importUnsynced(db, text);

    expect(again).toEqual({ ok: true, added: { mutations: 0, visits: 0, answers: 0, photos: 0 } });
    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 1 });
  });

  it("adds nothing back on the phone that made the file", async () => {
    const { db, stores } = await aPhoneWithUnsyncedWork();

    const result = await importUnsynced(db, await exportUnsynced(db, EXPORTED_AT));

    expect(result).toEqual({ ok: true, added: { mutations: 0, visits: 0, answers: 0, photos: 0 } });
    expect(await stores.outbox.counts()).toEqual({ pending: 3, rejected: 1 });
  });

  it.each([
    ["text that is not JSON", "{oops", "文件内容不是有效的 JSON"],
    [
      "another app's file",
      JSON.stringify({ format: "enketo-records", version: 1 }),
      "这不是督学巡检的导出文件",
    ],
  ])("refuses %s and stores nothing", async (_name, text, reason) => {
    const { db, stores } = await openTestStores();

    expect(await importUnsynced(db, text)).toEqual({ ok: false, reason });
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });
});
