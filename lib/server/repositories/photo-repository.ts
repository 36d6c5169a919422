/**
 * The photos table: one row per content-addressed upload (its id is the SHA-256 of the bytes), what
 * it shows and where it belongs. The bytes themselves are the BlobStore's (lib/server/blobs), which
 * knows nothing of photos; the services put bytes there before the row, so a row always has its blob.
 * Who may see or use a photo is the services' business (lib/server/photos, the sync push, act.ts).
 */
import "server-only";

import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { PhotoMeta, PhotoPurpose } from "@/lib/domain/visit/visit.schema";

import { anyOf } from "../db/any-of";
import type { Executor } from "../db/client";
import { photos, user as users } from "../db/schema";

/** Who uploaded a stored photo, and the school and visit it belongs to (null until registered). */
export type PhotoOwner = {
  id: string;
  uploadedBy: string;
  schoolId: string | null;
  visitId: string | null;
};

export const photoRepository = {
  async exists(db: Executor, id: PhotoId): Promise<boolean> {
    const [existing] = await db.select({ id: photos.id }).from(photos).where(eq(photos.id, id));
    return existing !== undefined;
  },

  /** Records an upload; false when the row was there already (two identical uploads raced). */
  async insertUpload(
    db: Executor,
    upload: { id: PhotoId; mime: string; bytes: number; uploadedBy: string },
  ): Promise<boolean> {
    const inserted = await db
      .insert(photos)
      .values(upload)
      .onConflictDoNothing({ target: photos.id })
      .returning({ id: photos.id });
    return inserted.length > 0;
  },

  /** How many photos the user uploaded in the last hour. */
  async uploadsInLastHour(db: Executor, userId: string): Promise<number> {
    return db.$count(
      photos,
      and(eq(photos.uploadedBy, userId), gt(photos.uploadedAt, sql`now() - interval '1 hour'`)),
    );
  },

  /** The bytes a school stores: its photos and its accounts' uploads. */
  async bytesOfSchool(db: Executor, schoolId: string): Promise<number> {
    const schoolAccounts = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.schoolId, schoolId));
    const [used] = await db
      .select({ bytes: sql<number>`coalesce(sum(${photos.bytes}), 0)::bigint` })
      .from(photos)
      .where(or(eq(photos.schoolId, schoolId), inArray(photos.uploadedBy, schoolAccounts)));
    return Number(used?.bytes ?? 0);
  },

  /** The photo's type and who it belongs to, for deciding who may see it; null when unknown. */
  async findAccess(
    db: Executor,
    id: PhotoId,
  ): Promise<{ mime: string; uploadedBy: string; schoolId: string | null } | null> {
    const [row] = await db
      .select({ mime: photos.mime, uploadedBy: photos.uploadedBy, schoolId: photos.schoolId })
      .from(photos)
      .where(eq(photos.id, id));
    return row ?? null;
  },

  /** The stored photos among `ids`, by id; an id never uploaded is absent. */
  async ownersOf(db: Executor, ids: readonly PhotoId[]): Promise<Map<string, PhotoOwner>> {
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
  },

  /**
   * Files the photos not yet any school's under `schoolId`, keeping a purpose they already have
   * (else `purpose`).
   */
  async fileUnderSchool(
    db: Executor,
    ids: readonly PhotoId[],
    schoolId: string,
    purpose: PhotoPurpose,
  ): Promise<void> {
    await db
      .update(photos)
      .set({ schoolId, purpose: sql`coalesce(${photos.purpose}, ${purpose})` })
      .where(and(inArray(photos.id, [...ids]), isNull(photos.schoolId)));
  },

  /**
   * Records what the photos show and the visit each belongs to, in one statement, unless a photo
   * already belongs to another visit. The uploaded rows keep their own mime and size: the server
   * measured those from the bytes.
   */
  async registerMetas(
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
  },

  /**
   * The original of each annotated copy among `ids` (copy id → original id); other ids are absent.
   * The copy is the evidence shown and printed; the office can open the original beside it.
   */
  async originalsOf(db: Executor, ids: readonly PhotoId[]): Promise<Record<PhotoId, PhotoId>> {
    if (ids.length === 0) return {};
    const rows = await db
      .select({ id: photos.id, originalId: photos.originalId })
      .from(photos)
      .where(and(anyOf(photos.id, [...new Set(ids)], "text"), isNotNull(photos.originalId)));
    return Object.fromEntries(
      rows.flatMap((row) => (row.originalId ? [[row.id, row.originalId]] : [])),
    );
  },

  /** A complete photo row (the demo history's photos, whose bytes the seed wrote itself). */
  async insertRegistered(db: Executor, row: typeof photos.$inferInsert): Promise<void> {
    await db.insert(photos).values(row).onConflictDoNothing();
  },
};
