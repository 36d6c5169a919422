/**
 * The Cache Storage the service worker answers the photo thumbnails from offline, and which requests
 * those are. No imports on purpose: the service worker bundles this file, so it matches the
 * thumbnail path of lib/contracts/sync.ts (`photoThumbnailPath`) without loading the contracts.
 */

/** The thumbnails the visit pack's open items show, kept on the phone (lib/sync/pack-photos.ts). */
export const PACK_PHOTO_CACHE = "pack-photos-v1";

const THUMBNAIL_PATH = /^\/api\/photos\/[0-9a-f]{64}\/thumbnail$/;

/** A thumbnail request the service worker may answer from PACK_PHOTO_CACHE. */
export function isPhotoThumbnailPath(pathname: string): boolean {
  return THUMBNAIL_PATH.test(pathname);
}
