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
  photoIdSchema,
  type PhotoMime,
  photoMimeSchema,
  type UploadedPhoto,
} from "@/lib/domain/photo/photo.schema";
import { sniffImageMime } from "@/lib/domain/photo/sniff";
import { type Refused, refused } from "@/lib/domain/refusal";

import { photoThumbnail } from "./thumbnail";
import { canSeeSchool } from "../auth/scope";
import { type BlobStore, getBlobStore } from "../blobs/blob-store";
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

/** Which image of a photo a page asks for: the photo itself or its JPEG thumbnail. */
export type PhotoImage = "photo" | "thumbnail";

/**
 * GET /api/photos/<sha256>[/thumbnail]: the photo (its own type) or its JPEG thumbnail (made on
 * first use) if `user` may see the photo (see visibleMime). An address that is not a photo id, an
 * unknown photo and one out of scope all answer not_found, so ids reveal nothing. The bytes under an
 * address never change, so browsers may keep them for good.
 */
export async function photoResponse(
  db: Executor,
  user: User,
  address: string | undefined,
  image: PhotoImage,
  blobs: BlobStore = getBlobStore(),
): Promise<Response | Refused> {
  const id = photoIdSchema.safeParse(address);
  if (!id.success) return PHOTO_NOT_FOUND;
  const mime = await visibleMime(db, user, id.data);
  if (mime === null) return PHOTO_NOT_FOUND;
  const found =
    image === "photo" ? await original(blobs, id.data, mime) : await thumbnail(blobs, id.data);
  if (!found) return PHOTO_NOT_FOUND;
  return new Response(found.body, {
    headers: {
      "Content-Type": found.mime,
      "Content-Length": String(found.size),
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      ETag: `"${image === "photo" ? id.data : `${id.data}-thumb`}"`,
    },
  });
}

type Image = { body: BodyInit; mime: string; size: number };

async function original(blobs: BlobStore, sha256: PhotoId, mime: PhotoMime): Promise<Image | null> {
  const blob = await blobs.get(sha256);
  if (blob) return { body: blob.body, mime, size: blob.size };
  log.error({ photoId: sha256 }, "照片有数据库记录，但存储中没有文件");
  return null;
}

async function thumbnail(blobs: BlobStore, sha256: PhotoId): Promise<Image | null> {
  const bytes = await photoThumbnail(blobs, sha256);
  return bytes && { body: new Uint8Array(bytes), mime: "image/jpeg", size: bytes.byteLength };
}
