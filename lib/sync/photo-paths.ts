/**
 * Where the server serves a photo, and the Cache Storage the service worker answers the thumbnails
 * from offline. No imports on purpose: the service worker bundles this file.
 */

/** The photo's bytes, as stored (≤ 1600 px). */
export function photoPath(photoId: string): string {
  return `/api/photos/${photoId}`;
}

/** The photo's small JPEG, what lists and the 复查 show. */
export function photoThumbnailPath(photoId: string): string {
  return `${photoPath(photoId)}/thumbnail`;
}

/** The thumbnails the visit pack's open items show, kept on the phone (lib/sync/pack-photos.ts). */
export const PACK_PHOTO_CACHE = "pack-photos-v1";

const THUMBNAIL_PATH = /^\/api\/photos\/[0-9a-f]{64}\/thumbnail$/;

/** A thumbnail request the service worker may answer from PACK_PHOTO_CACHE. */
export function isPhotoThumbnailPath(pathname: string): boolean {
  return THUMBNAIL_PATH.test(pathname);
}
