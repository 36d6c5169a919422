/**
 * What the sync push needs of the photos table: who uploaded each photo and whose it is, loaded once
 * per batch to judge whether a visit may use the photos it refers to, and the "photo.register"
 * metadata. The bytes, their hash and type are the upload route's (PUT /api/photos/{sha256}); this
 * file never changes them.
 */
import "server-only";

import { sql } from "drizzle-orm";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { PhotoMeta } from "@/lib/domain/visit/visit.schema";

import { anyOf } from "../db/any-of";
import type { Executor } from "../db/client";
import { photos } from "../db/schema";

/** Who uploaded a stored photo, and the school and visit it belongs to (null until registered). */
export type PhotoOwner = {
  id: string;
  uploadedBy: string;
  schoolId: string | null;
  visitId: string | null;
};

/** The stored photos among `ids`, by id; an id never uploaded is absent. */
export async function loadPhotoOwners(
  db: Executor,
  ids: readonly PhotoId[],
): Promise<Map<string, PhotoOwner>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: photos.id,
      uploadedBy: photos.uploadedBy,
      schoolId: photos.schoolId,
      visitId: photos.visitId,
    })
    .from(photos)
    .where(anyOf(photos.id, [...new Set(ids)], "text"));
  return new Map(rows.map((row) => [row.id, row]));
}

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

/**
 * Records what the photos show and the visit each belongs to, in one statement, unless a photo
 * already belongs to another visit. The uploaded rows keep their own mime and size: the server
 * measured those from the bytes.
 */
export async function registerPhotoMetas(
  db: Executor,
  registered: readonly { meta: PhotoMeta; schoolId: string }[],
): Promise<void> {
  if (registered.length === 0) return;
  const values = registered.map(({ meta, schoolId }) => ({
    id: meta.id,
    width: meta.width,
    height: meta.height,
    captured_at: new Date(meta.capturedAt).toISOString(),
    taken_by: meta.takenBy,
    location: meta.location,
    purpose: meta.purpose,
    visit_id: meta.visitId,
    school_id: schoolId,
    original_id: meta.annotation?.originalId ?? null,
    annotation_shapes: meta.annotation?.shapes ?? null,
  }));
  await db.execute(sql`
    UPDATE ${photos} SET
      width = v.width, height = v.height, captured_at = v.captured_at, taken_by = v.taken_by,
      location = v.location, purpose = v.purpose, visit_id = v.visit_id, school_id = v.school_id,
      original_id = v.original_id, annotation_shapes = v.annotation_shapes
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(
      id text, width integer, height integer, captured_at timestamptz, taken_by text,
      location jsonb, purpose text, visit_id uuid, school_id uuid, original_id text,
      annotation_shapes jsonb)
    WHERE ${photos.id} = v.id AND (${photos.visitId} IS NULL OR ${photos.visitId} = v.visit_id)`);
}
