import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { actOffline } from "@/lib/domain/rectification/follow-up";
import type { NewPhoto } from "@/lib/offline/photo-store";

import { anActor, aRectificationItem } from "@/test/helpers/builders/rectification";
import { aPhotoHash, aPhotoMeta, anId } from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

const NOW = Date.UTC(2026, 2, 25, 2, 0);
const INSPECTOR = anActor({
  userId: "user-inspector01",
  role: "inspector",
  schoolId: null,
  inspectsSchool: true,
});

const SUBMITTED = aRectificationItem({
  status: "submitted",
  version: 3,
  response: { text: "已更换全部过期灭火器", photoIds: [aPhotoHash("c")], submittedAt: NOW - 1 },
});

function afterPhoto(digit: string): NewPhoto {
  return {
    meta: aPhotoMeta({ id: aPhotoHash(digit), visitId: SUBMITTED.visitId, purpose: "after" }),
    blob: new Blob([`jpeg ${digit}`], { type: "image/jpeg" }),
    thumbnail: new Blob([`thumb ${digit}`], { type: "image/jpeg" }),
  };
}

function passed(mutationId = anId(900)) {
  const acted = actOffline(
    SUBMITTED,
    { type: "verify_pass", note: "现场核实", photoIds: [aPhotoHash("d")] },
    INSPECTOR,
    mutationId,
    NOW,
  );
  if (!acted.ok) throw new Error(acted.message);
  return acted;
}

describe("rectificationStore.saveWithMutation", () => {
  it("stores the item's new state, its photos and the mutation together", async () => {
    const { stores } = await openTestStores();
    const { item, mutation } = passed();

    await stores.rectification.saveWithMutation(item, [afterPhoto("d")], mutation);

    expect(await stores.pack.listOpenItems(SUBMITTED.schoolId)).toEqual([item]);
    expect(await stores.photos.get(aPhotoHash("d"))).toMatchObject({ uploadState: "pending" });
    expect((await stores.outbox.peekBatch(10)).map((e) => e.mutation)).toEqual([mutation]);
  });

  it("stores nothing when the transaction aborts midway", async () => {
    const { stores } = await openTestStores();
    const first = passed(anId(900));
    await stores.rectification.saveWithMutation(first.item, [], first.mutation);
    const again = passed(anId(900));

    // The same mutation id breaks the outbox's unique index after the photo and item were written.
    const save = stores.rectification.saveWithMutation(
      { ...again.item, version: 9 },
      [afterPhoto("e")],
      again.mutation,
    );

    await expect(save).rejects.toThrow();
    expect(await stores.photos.get(aPhotoHash("e"))).toBeUndefined();
    expect((await stores.pack.listOpenItems())[0]?.version).toBe(4);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
  });
});
