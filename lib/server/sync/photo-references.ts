/**
 * What the sync push needs of the photos table: whether a visit may use the photos it refers to,
 * and the "photo.register" metadata. The bytes, their hash and type are the upload route's (PUT
 * /api/photos/{sha256}); this file never changes them.
 */
import "server-only";

import { and, eq, inArray, isNull, or } from "drizzle-orm";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { PhotoMeta } from "@/lib/domain/visit/visit.schema";

import type { Executor } from "../db/client";
import { photos } from "../db/schema";

/**
 * The ids among `ids` the user may not attach to a record of `schoolId`, in the order given: never
 * uploaded, or uploaded by someone else and not yet that school's. The same rule as the
 * rectification service's, so a known hash never lets anyone take over another school's photo.
 */
export async function unusablePhotoIds(
  db: Executor,
  ids: readonly PhotoId[],
  owner: { userId: string; schoolId: string },
): Promise<PhotoId[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: photos.id, uploadedBy: photos.uploadedBy, schoolId: photos.schoolId })
    .from(photos)
    .where(inArray(photos.id, [...new Set(ids)]));
  const usable = new Set(
    rows
      .filter(
        (r) =>
          r.schoolId === owner.schoolId || (r.schoolId === null && r.uploadedBy === owner.userId),
      )
      .map((r) => r.id),
  );
  return ids.filter((id) => !usable.has(id));
}

/**
 * Records what the photo shows and the visit it belongs to, unless it already belongs to another
 * visit. The uploaded row keeps its own mime and size: the server measured those from the bytes.
 */
export async function registerPhotoMeta(
  db: Executor,
  meta: PhotoMeta,
  schoolId: string,
): Promise<void> {
  await db
    .update(photos)
    .set({
      width: meta.width,
      height: meta.height,
      capturedAt: new Date(meta.capturedAt),
      takenBy: meta.takenBy,
      location: meta.location,
      purpose: meta.purpose,
      visitId: meta.visitId,
      schoolId,
    })
    .where(
      and(eq(photos.id, meta.id), or(isNull(photos.visitId), eq(photos.visitId, meta.visitId))),
    );
}
