/**
 * The sync push's rules for the photos a batch refers to: whether a visit may use them, and whose
 * they are after "photo.register". Their rows (who uploaded each photo and whose it is, loaded once
 * per batch) are lib/server/repositories/photo-repository.ts's; the bytes, their hash and type are
 * the upload route's (PUT /api/photos/{sha256}).
 */
import "server-only";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { PhotoMeta } from "@/lib/domain/visit/visit.schema";

import type { PhotoOwner } from "../repositories/photo-repository";

/**
 * The ids among `ids` the user may not attach to a record of `schoolId`, in the order given: never
 * uploaded, or uploaded by someone else and not yet that school's. The same rule as the
 * rectification service's, so a known hash never lets anyone take over another school's photo.
 */
export function unusablePhotoIds(
  stored: ReadonlyMap<string, PhotoOwner>,
  ids: readonly PhotoId[],
  owner: { userId: string; schoolId: string },
): PhotoId[] {
  return ids.filter((id) => {
    const row = stored.get(id);
    const usable =
      row !== undefined &&
      (row.schoolId === owner.schoolId ||
        (row.schoolId === null && row.uploadedBy === owner.userId));
    return !usable;
  });
}

/**
 * The photo's owner after "photo.register" for a visit of `schoolId`: it joins the visit and its
 * school, unless it already belongs to another visit (then nothing changes).
 */
export function registeredOwner(row: PhotoOwner, meta: PhotoMeta, schoolId: string): PhotoOwner {
  return row.visitId === null || row.visitId === meta.visitId
    ? { ...row, visitId: meta.visitId, schoolId }
    : row;
}
