/**
 * Annotated copies and the photos they were drawn on: the copy is the evidence shown and printed,
 * and the office can open the original beside it. Reading the original's bytes stays subject to
 * the same scope as any photo (readPhoto).
 */
import "server-only";

import { and, isNotNull } from "drizzle-orm";

import type { PhotoId } from "@/lib/domain/photo/photo.schema";

import { anyOf } from "../db/any-of";
import type { Executor } from "../db/client";
import { photos } from "../db/schema";

/** The original of each annotated copy among `ids` (copy id → original id); other ids are absent. */
export async function originalsOf(
  db: Executor,
  ids: readonly PhotoId[],
): Promise<Record<PhotoId, PhotoId>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: photos.id, originalId: photos.originalId })
    .from(photos)
    .where(and(anyOf(photos.id, [...new Set(ids)], "text"), isNotNull(photos.originalId)));
  return Object.fromEntries(
    rows.flatMap((row) => (row.originalId ? [[row.id, row.originalId]] : [])),
  );
}
