import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { registerPhoto } from "@/lib/domain/visit/visit";

import {
  aPhotoHash,
  aPhotoMeta,
  aVisit,
  idSequence,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

function aRegisteredPhoto(digit = "1") {
  const registered = registerPhoto(
    aVisit(),
    aPhotoMeta({ id: aPhotoHash(digit) }),
    idSequence(Number.parseInt(digit, 16) * 10),
    STARTED_AT,
  );
  if (!registered.ok) throw new Error(registered.message);
  return {
    photo: {
      meta: registered.photo,
      blob: new Blob([`jpeg ${digit}`], { type: "image/jpeg" }),
      thumbnail: new Blob([`thumb ${digit}`], { type: "image/jpeg" }),
    },
    mutation: registered.mutation,
  };
}

describe("photoStore", () => {
  it("keeps the bytes, the thumbnail and the metadata, pending upload", async () => {
    const { stores } = await openTestStores();
    const { photo, mutation } = aRegisteredPhoto();

    await stores.photos.saveWithMutation(photo, mutation);

    expect(await stores.photos.get(photo.meta.id)).toEqual({
      meta: photo.meta,
      uploadState: "pending",
      uploadError: null,
    });
    expect(await (await stores.photos.getBlob(photo.meta.id))?.text()).toBe("jpeg 1");
    expect(await (await stores.photos.getThumbnail(photo.meta.id))?.text()).toBe("thumb 1");
    expect(await stores.outbox.countsForVisit(VISIT_ID)).toEqual({ pending: 1, rejected: 0 });
  });

  it("shows each photo's upload state for its visit", async () => {
    const { stores } = await openTestStores();
    for (const digit of ["1", "2", "3"]) {
      const { photo, mutation } = aRegisteredPhoto(digit);
      await stores.photos.saveWithMutation(photo, mutation);
    }

    await stores.photos.markUploaded(aPhotoHash("1"));
    await stores.photos.markUploadRejected(aPhotoHash("2"), "照片超过 5 MB");

    const states = (await stores.photos.listForVisit(VISIT_ID)).map((p) => [
      p.meta.id,
      p.uploadState,
      p.uploadError,
    ]);
    expect(states).toEqual([
      [aPhotoHash("1"), "uploaded", null],
      [aPhotoHash("2"), "rejected", "照片超过 5 MB"],
      [aPhotoHash("3"), "pending", null],
    ]);
  });

  it("keeps an uploaded photo uploaded when the same bytes are stored again", async () => {
    const { stores } = await openTestStores();
    const first = aRegisteredPhoto();
    await stores.photos.saveWithMutation(first.photo, first.mutation);
    await stores.photos.markUploaded(first.photo.meta.id);
    const again = registerPhoto(aVisit(), first.photo.meta, idSequence(500), STARTED_AT + 1);
    if (!again.ok) throw new Error(again.message);

    await stores.photos.saveWithMutation(first.photo, again.mutation);

    expect(await stores.photos.get(first.photo.meta.id)).toMatchObject({ uploadState: "uploaded" });
  });

  it("stores several photos with one mutation, or none of them when the mutation cannot be queued", async () => {
    const { stores } = await openTestStores();
    const photos = ["1", "2"].map((digit) => aRegisteredPhoto(digit).photo);
    const { mutation } = aRegisteredPhoto("3");

    await stores.photos.saveAllWithMutation(photos, mutation);
    // The same mutation id again: the outbox refuses it, so the new photo must not stay either.
    const late = aRegisteredPhoto("4").photo;
    await expect(stores.photos.saveAllWithMutation([late], mutation)).rejects.toThrow();

    expect((await stores.photos.listForVisit(VISIT_ID)).map((p) => p.meta.id)).toEqual([
      aPhotoHash("1"),
      aPhotoHash("2"),
    ]);
    expect(await stores.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
  });

  it("reports a photo record without bytes and leaves it in place", async () => {
    const { db, stores, unreadable } = await openTestStores();
    await db.put("photos", {
      meta: aPhotoMeta(),
      blob: "lost",
      thumbnail: "lost",
      uploadState: "pending",
      uploadError: null,
    } as never);

    expect(await stores.photos.listForVisit(VISIT_ID)).toEqual([]);
    expect(unreadable).toMatchObject([{ store: "photos", key: aPhotoHash("1") }]);
    expect(await db.count("photos")).toBe(1);
  });
});
