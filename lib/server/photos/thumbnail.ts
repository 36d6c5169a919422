/**
 * Thumbnails of stored photos, made once with sharp and kept in the blob store next to the photo
 * (key "<sha256>-thumb"), so documents and print pages that list photos never load the 1600-px
 * originals. It does not check who may see a photo; callers do (store-photo.ts).
 */
import "server-only";

import sharp from "sharp";

import type { BlobStore, StoredBlob } from "../blobs/blob-store";

/** Long edge in pixels: sharp at the size a PDF cell or a print-page thumbnail shows (≈ 2×). */
export const THUMBNAIL_EDGE = 480;

export async function blobBytes(blob: StoredBlob): Promise<Buffer> {
  return Buffer.from(await new Response(blob.body).arrayBuffer());
}

const thumbnailKey = (photoId: string) => `${photoId}-thumb`;

/** The photo's JPEG thumbnail, made and stored on first use; null when the photo is missing or not an image. */
export async function photoThumbnail(blobs: BlobStore, photoId: string): Promise<Buffer | null> {
  const stored = await blobs.get(thumbnailKey(photoId));
  if (stored) return blobBytes(stored);
  const original = await blobs.get(photoId);
  if (!original) return null;
  let thumbnail: Buffer;
  try {
    thumbnail = await sharp(await blobBytes(original))
      .rotate()
      .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
  } catch {
    return null;
  }
  await blobs.put(thumbnailKey(photoId), thumbnail, "image/jpeg");
  return thumbnail;
}

/** A signature (a small PNG drawn on the phone) as pdfkit can embed it: PNG kept, anything else as PNG. */
export async function signatureImage(blobs: BlobStore, photoId: string): Promise<Buffer | null> {
  const stored = await blobs.get(photoId);
  if (!stored) return null;
  const bytes = await blobBytes(stored);
  try {
    const { format } = await sharp(bytes).metadata();
    return format === "png" || format === "jpeg" ? bytes : await sharp(bytes).png().toBuffer();
  } catch {
    return null;
  }
}
