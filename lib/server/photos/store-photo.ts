/**
 * Photo bytes on the server: content-addressed uploads (the hash and the real image type are checked
 * before anything is written; a repeat is a no-op) and reads limited to who may see the photo. What a
 * photo shows and where it belongs comes later, with the "photo.register" mutation.
 */
import "server-only";

import { createHash } from "node:crypto";

import sharp from "sharp";

import type { User } from "@/lib/domain/org/org.schema";
import {
  MAX_PHOTO_BYTES,
  type PhotoId,
  type PhotoMime,
  photoMimeSchema,
  type UploadedPhoto,
} from "@/lib/domain/photo/photo.schema";
import { sniffImageMime } from "@/lib/domain/photo/sniff";
import { type Refused, refused } from "@/lib/domain/refusal";

import { photoThumbnail } from "./thumbnail";
import { canSeeSchool } from "../auth/scope";
import { type BlobStore, getBlobStore, type StoredBlob } from "../blobs/blob-store";
import type { Executor } from "../db/client";
import { log } from "../log";
import { photoRepository } from "../repositories/photo-repository";

/** Refusals carry a Chinese `message` the phone shows next to the photo as the reason. */
export type StorePhotoResult = { ok: true; status: 201 | 200; photo: UploadedPhoto } | Refused;

/** New photos one account may upload per hour: a long visit takes ≈ 100; more is a runaway client. */
export const PHOTOS_PER_HOUR = 600;
/** Photo storage per school (its own uploads and the photos of its visits). */
export const SCHOOL_PHOTO_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;
/** A phone photo is ≤ 1600 px on its long edge; this bounds the memory one decode may take. */
const MAX_DECODE_PIXELS = 25_000_000;

export type ReadPhotoResult = { ok: true; mime: PhotoMime; blob: StoredBlob } | Refused;

export const PHOTO_TOO_LARGE = refused(
  "too_large",
  `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`,
);

/** Also the answer for photos that exist but are out of the user's scope, so ids reveal nothing. */
export const PHOTO_NOT_FOUND = refused("not_found", "照片不存在或无权查看");

/**
 * Stores `bytes` as photo `sha256` for `user`: 201 when new, 200 when the server already has it;
 * too_large over MAX_PHOTO_BYTES, hash_mismatch when the bytes do not hash to `sha256` (a damaged
 * upload), not_an_image when they do not decode as a JPEG, PNG or WebP, rate_limited past the
 * account's hourly rate, quota_exceeded when the school's storage is full. Nothing is written unless
 * every check passes.
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
    return refused("hash_mismatch", "照片内容与编号不符（上传不完整或已损坏），请重新上传");
  }
  const mime = sniffImageMime(bytes);
  if (!mime || !(await decodesAs(bytes, mime))) {
    return refused("not_an_image", "只能上传 JPEG、PNG 或 WebP 格式的图片");
  }
  const photo = { id: sha256, mime, bytes: bytes.byteLength };

  if (await photoRepository.exists(db, sha256)) return { ok: true, status: 200, photo };
  const limited = await uploadLimitRefusal(db, user, bytes.byteLength);
  if (limited) return limited;
  // Bytes before the row, so a row always has its blob. A crash in between leaves an unreferenced
  // blob that the retried upload simply writes again.
  await blobs.put(sha256, bytes, mime);
  // Two identical uploads racing both get here; the loser's insert does nothing and it answers 200.
  const inserted = await photoRepository.insertUpload(db, { ...photo, uploadedBy: user.id });
  return { ok: true, status: inserted ? 201 : 200, photo };
}

/**
 * Whether the bytes are a whole image of the type their magic numbers claim: every pixel is decoded
 * (libvips, via sharp), so a file that only starts like an image, or hides other content behind a
 * damaged one, is refused.
 */
async function decodesAs(bytes: Uint8Array, mime: PhotoMime): Promise<boolean> {
  try {
    const image = sharp(bytes, { failOn: "warning", limitInputPixels: MAX_DECODE_PIXELS });
    const { format } = await image.metadata();
    await image.raw().toBuffer();
    return `image/${format}` === mime;
  } catch {
    return false;
  }
}

/** rate_limited past the hourly rate of this account; quota_exceeded once its school's storage is full. */
async function uploadLimitRefusal(db: Executor, user: User, size: number): Promise<Refused | null> {
  const recent = await photoRepository.uploadsInLastHour(db, user.id);
  if (recent >= PHOTOS_PER_HOUR) {
    return refused(
      "rate_limited",
      `上传照片过于频繁（每小时最多 ${PHOTOS_PER_HOUR} 张），请稍后自动重试`,
    );
  }
  if (user.schoolId === null) return null;
  const used = await photoRepository.bytesOfSchool(db, user.schoolId);
  if (used + size > SCHOOL_PHOTO_QUOTA_BYTES) {
    return refused(
      "quota_exceeded",
      `本校的照片存储已满（上限 ${SCHOOL_PHOTO_QUOTA_BYTES / 1024 ** 3} GB），无法再上传，请联系督导室`,
    );
  }
  return null;
}

/**
 * The photo's type if `user` may see it: they uploaded it, or it belongs to a school in their
 * scope. A photo not yet registered to a school is visible to its uploader only.
 */
async function visibleMime(db: Executor, user: User, sha256: PhotoId): Promise<PhotoMime | null> {
  const row = await photoRepository.findAccess(db, sha256);
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
): Promise<{ ok: true; bytes: Buffer } | Refused> {
  if ((await visibleMime(db, user, sha256)) === null) return PHOTO_NOT_FOUND;
  const bytes = await photoThumbnail(blobs, sha256);
  return bytes ? { ok: true, bytes } : PHOTO_NOT_FOUND;
}
