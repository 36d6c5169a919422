/**
 * Photo bytes on the server: content-addressed uploads (the hash and the real image type are checked
 * before anything is written; a repeat is a no-op) and reads limited to who may see the photo. What a
 * photo shows and where it belongs comes later, with the "photo.register" mutation.
 */
import "server-only";

import { createHash } from "node:crypto";

import { eq } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import {
  MAX_PHOTO_BYTES,
  type PhotoId,
  type PhotoMime,
  photoMimeSchema,
} from "@/lib/domain/photo/photo.schema";
import { sniffImageMime } from "@/lib/domain/photo/sniff";

import { canSeeSchool } from "../auth/scope";
import { type BlobStore, getBlobStore, type StoredBlob } from "../blobs/blob-store";
import type { Executor } from "../db/client";
import { photos } from "../db/schema";
import { log } from "../log";
import { photoThumbnail } from "./thumbnail";

export type StoredPhoto = { id: PhotoId; mime: PhotoMime; bytes: number };

/** Refusals carry a Chinese `message` the phone shows next to the photo as the reason. */
export type PhotoRefusal<S extends number> = {
  ok: false;
  status: S;
  error: string;
  message: string;
};

export type StorePhotoResult =
  { ok: true; status: 201 | 200; photo: StoredPhoto } | PhotoRefusal<400 | 413 | 415>;

export type ReadPhotoResult = { ok: true; mime: PhotoMime; blob: StoredBlob } | PhotoRefusal<404>;

export const PHOTO_TOO_LARGE: PhotoRefusal<413> = {
  ok: false,
  status: 413,
  error: "photo_too_large",
  message: `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`,
};

/** Also the answer for photos that exist but are out of the user's scope, so ids reveal nothing. */
export const PHOTO_NOT_FOUND: PhotoRefusal<404> = {
  ok: false,
  status: 404,
  error: "photo_not_found",
  message: "照片不存在或无权查看",
};

/**
 * Stores `bytes` as photo `sha256` for `user`: 201 when new, 200 when the server already has it;
 * 413 over MAX_PHOTO_BYTES, 400 when the bytes do not hash to `sha256` (a damaged upload), 415 when
 * they are not a JPEG, PNG or WebP. Nothing is written unless every check passes.
 */
export async function storePhoto(
  db: Executor,
  user: User,
  sha256: PhotoId,
  bytes: Uint8Array,
  blobs: BlobStore = getBlobStore(),
): Promise<StorePhotoResult> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) return PHOTO_TOO_LARGE;
  if (createHash("sha256").update(bytes).digest("hex") !== sha256) {
    return {
      ok: false,
      status: 400,
      error: "hash_mismatch",
      message: "照片内容与编号不符（上传不完整或已损坏），请重新上传",
    };
  }
  const mime = sniffImageMime(bytes);
  if (!mime) {
    return {
      ok: false,
      status: 415,
      error: "not_an_image",
      message: "只能上传 JPEG、PNG 或 WebP 格式的图片",
    };
  }
  const photo = { id: sha256, mime, bytes: bytes.byteLength };

  const [existing] = await db.select({ id: photos.id }).from(photos).where(eq(photos.id, sha256));
  if (existing) return { ok: true, status: 200, photo };
  // Bytes before the row, so a row always has its blob. A crash in between leaves an unreferenced
  // blob that the retried upload simply writes again.
  await blobs.put(sha256, bytes, mime);
  // Two identical uploads racing both get here; the loser's insert does nothing and it answers 200.
  const inserted = await db
    .insert(photos)
    .values({ id: sha256, mime, bytes: bytes.byteLength, uploadedBy: user.id })
    .onConflictDoNothing({ target: photos.id })
    .returning({ id: photos.id });
  return { ok: true, status: inserted.length > 0 ? 201 : 200, photo };
}

/**
 * The photo's type if `user` may see it: they uploaded it, or it belongs to a school in their
 * scope. A photo not yet registered to a school is visible to its uploader only.
 */
async function visibleMime(db: Executor, user: User, sha256: PhotoId): Promise<PhotoMime | null> {
  const [row] = await db
    .select({ mime: photos.mime, uploadedBy: photos.uploadedBy, schoolId: photos.schoolId })
    .from(photos)
    .where(eq(photos.id, sha256));
  if (!row) return null;
  const allowed =
    row.uploadedBy === user.id ||
    (row.schoolId !== null && (await canSeeSchool(db, user, row.schoolId)));
  return allowed ? photoMimeSchema.parse(row.mime) : null;
}

/** The photo's bytes if `user` may see them (see visibleMime). */
export async function readPhoto(
  db: Executor,
  user: User,
  sha256: PhotoId,
  blobs: BlobStore = getBlobStore(),
): Promise<ReadPhotoResult> {
  const mime = await visibleMime(db, user, sha256);
  if (mime === null) return PHOTO_NOT_FOUND;
  const blob = await blobs.get(sha256);
  if (!blob) {
    log.error({ photoId: sha256 }, "照片有数据库记录，但存储中没有文件");
    return PHOTO_NOT_FOUND;
  }
  return { ok: true, mime, blob };
}

/** The photo's JPEG thumbnail (made on first use) if `user` may see the photo. */
export async function readPhotoThumbnail(
  db: Executor,
  user: User,
  sha256: PhotoId,
  blobs: BlobStore = getBlobStore(),
): Promise<{ ok: true; bytes: Buffer } | PhotoRefusal<404>> {
  if ((await visibleMime(db, user, sha256)) === null) return PHOTO_NOT_FOUND;
  const bytes = await photoThumbnail(blobs, sha256);
  return bytes ? { ok: true, bytes } : PHOTO_NOT_FOUND;
}
