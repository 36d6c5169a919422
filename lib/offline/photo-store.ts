/**
 * Photos on the phone: the compressed bytes, a thumbnail and the metadata, plus whether the server
 * has the bytes yet (per-photo sync state). Never deletes a photo the server has not confirmed.
 */
import type { Id } from "@/lib/domain/ids";
import type { Mutation } from "@/lib/domain/mutations";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { PhotoMeta } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import type { PhotoRecord, UploadState } from "./db-schema";
import { loadRecordSchemas, type RecordSchemas } from "./load-record-schemas";
import { readRecord, readRecords, warnUnreadable, type ReportUnreadable } from "./read-record";
import { saveWithMutation } from "./save-with-mutation";
import { type StoredPhoto, withoutBytes } from "./visit-reads";

export type { StoredPhoto } from "./visit-reads";

export type NewPhoto = { meta: PhotoMeta; blob: Blob; thumbnail: Blob };

export type PhotoStore = ReturnType<typeof createPhotoStore>;

export function createPhotoStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  const getRecord = async (id: PhotoId): Promise<PhotoRecord | undefined> =>
    readRecord("photos", id, await db.get("photos", id), report);

  async function setUploadState(
    id: PhotoId,
    uploadState: UploadState,
    uploadError: string | null,
  ): Promise<void> {
    const tx = db.transaction("photos", "readwrite");
    const record = readRecord("photos", id, await tx.store.get(id), report);
    // Only the upload state changes, from the sync engine's own values: the rest was validated
    // when the photo was stored.
    if (record) await tx.store.put({ ...record, uploadState, uploadError });
    await tx.done;
  }

  async function saveAllWithMutation(
    photos: readonly NewPhoto[],
    mutation: Mutation,
  ): Promise<void> {
    const schemas = await loadRecordSchemas();
    return saveWithMutation(db, "photos", mutation, (store) => putPhotos(store, photos, schemas));
  }

  return {
    /**
     * Stores a new photo with its `photo.register` mutation, atomically. Photos are
     * content-addressed, so storing the same bytes again keeps what is known about their upload.
     */
    saveWithMutation(photo: NewPhoto, mutation: Mutation): Promise<void> {
      return saveAllWithMutation([photo], mutation);
    },

    /**
     * Stores several photos and the one mutation that refers to them (a school's 整改报告 with its
     * evidence photos), atomically: either all of them are on the phone and queued, or none.
     */
    saveAllWithMutation,

    async get(id: PhotoId): Promise<StoredPhoto | undefined> {
      const record = await getRecord(id);
      return record && withoutBytes(record);
    },

    async getBlob(id: PhotoId): Promise<Blob | undefined> {
      return (await getRecord(id))?.blob;
    },

    async getThumbnail(id: PhotoId): Promise<Blob | undefined> {
      return (await getRecord(id))?.thumbnail;
    },

    async listForVisit(visitId: Id): Promise<StoredPhoto[]> {
      const index = db.transaction("photos").store.index("byVisitId");
      const [keys, raws] = await Promise.all([index.getAllKeys(visitId), index.getAll(visitId)]);
      return readRecords("photos", keys, raws, report).map(withoutBytes);
    },

    /** The server has the bytes (201 stored or 200 already there). */
    markUploaded(id: PhotoId): Promise<void> {
      return setUploadState(id, "uploaded", null);
    },

    /** The server refused the bytes for good (400/413/415); the photo is kept so the user can see why. */
    markUploadRejected(id: PhotoId, reason: string): Promise<void> {
      return setUploadState(id, "rejected", reason);
    },
  };
}

/** The photos store inside some write transaction, as far as putPhotos needs it. */
export type PhotoWriteStore = {
  get(id: PhotoId): Promise<PhotoRecord | undefined>;
  put(record: PhotoRecord): Promise<unknown>;
};

/**
 * Writes new photos within the caller's transaction, validated with `schemas` (loaded before the
 * transaction opened). Photos are content-addressed, so storing the same bytes again keeps what is
 * known about their upload.
 */
export async function putPhotos(
  store: PhotoWriteStore,
  photos: readonly NewPhoto[],
  { validRecord }: RecordSchemas,
): Promise<void> {
  for (const photo of photos) {
    const existing = await store.get(photo.meta.id);
    const uploadState = existing?.uploadState === "uploaded" ? "uploaded" : "pending";
    // Validated here, so reads only check it (read-record.ts).
    await store.put(validRecord("photos", { ...photo, uploadState, uploadError: null }));
  }
}
