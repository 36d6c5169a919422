/**
 * The thumbnails of the photos a 复查 shows (the pack's open items: findings, the school's
 * evidence, after-photos), kept in Cache Storage so the service worker can answer them offline.
 * Copies only: the photos themselves are the server's, or this phone's photo store's until sent.
 * Never throws: a photo it could not fetch is tried again at the next sync.
 */
import { photoThumbnailPath } from "@/lib/contracts/sync";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";

import { PACK_PHOTO_CACHE } from "./photo-paths";

/** Thumbnails fetched at once; a pack holds a few hundred at most. */
const PARALLEL = 4;

function cacheStorage(): CacheStorage | null {
  return typeof caches === "undefined" ? null : caches;
}

/**
 * Makes the cache hold exactly these photos' thumbnails: fetches the missing ones (with the
 * session's cookie, as the page would) and drops those no open item shows any more.
 */
export async function keepPackPhotos(ids: readonly PhotoId[]): Promise<void> {
  const storage = cacheStorage();
  if (storage === null) return;
  try {
    const cache = await storage.open(PACK_PHOTO_CACHE);
    const wanted = new Set(ids.map(photoThumbnailPath));
    const held = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
    await Promise.all([...held].filter((p) => !wanted.has(p)).map((p) => cache.delete(p)));
    const missing = [...wanted].filter((path) => !held.has(path));
    for (let start = 0; start < missing.length; start += PARALLEL) {
      // cache.add stores only a 2xx answer: a photo the server no longer shows is not kept.
      await Promise.allSettled(missing.slice(start, start + PARALLEL).map((p) => cache.add(p)));
    }
  } catch (error) {
    console.warn("未能保存整改事项照片的离线副本", error);
  }
}

/**
 * Keeps the thumbnail of a photo taken on this phone (a 复查's after-photo) under the server's
 * address, so the item shows it offline before it is uploaded.
 */
export async function keepLocalPhoto(id: PhotoId, thumbnail: Blob): Promise<void> {
  const storage = cacheStorage();
  if (storage === null) return;
  try {
    const cache = await storage.open(PACK_PHOTO_CACHE);
    await cache.put(
      photoThumbnailPath(id),
      new Response(thumbnail, { headers: { "Content-Type": thumbnail.type || "image/jpeg" } }),
    );
  } catch (error) {
    console.warn("未能保存照片的离线副本", error);
  }
}
