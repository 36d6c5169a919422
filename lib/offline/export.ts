/**
 * Rescue file: everything on the phone the server has not confirmed (pending and rejected
 * mutations, the visits they belong to with all their answers, and photos not yet uploaded, as
 * base64) in one JSON file, and importing such a file back. Importing is idempotent: mutations are
 * keyed by their ids, and a record only replaces an older local copy.
 */
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { referencedPhotoIds } from "@/lib/domain/mutations";
import {
  photoMetaSchema,
  visitAnswerSchema,
  visitSchema,
  type Visit,
  type VisitAnswer,
} from "@/lib/domain/visit/visit.schema";

import { base64ToBlob, blobToBase64 } from "./base64";
import type { AppDb } from "./db";
import type { PhotoRecord } from "./db-schema";
import { migrateRecord } from "./migrations";
import { warnUnreadable, type ReportUnreadable } from "./read-record";
import { outboxRecordSchema, parseRecord, parseRecords } from "./record-schemas";

export const EXPORT_FORMAT = "duxue-unsynced";

export const unsyncedExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { message: "这不是督学巡检的导出文件" }),
  version: z.literal(1, { message: "导出文件的版本不受支持" }),
  exportedAt: z.number().int(),
  /** The installation the file came from; null if it never synced. */
  clientId: idSchema.nullable(),
  // Files saved by an older app hold outbox records of an older shape.
  outbox: z.array(z.preprocess((raw) => migrateRecord("outbox", raw), outboxRecordSchema)),
  visits: z.array(visitSchema),
  answers: z.array(visitAnswerSchema),
  photos: z.array(
    z.object({
      meta: photoMetaSchema,
      /** The photo's bytes, base64. */
      data: z.string(),
      thumbnail: z.string(),
      thumbnailType: z.string(),
    }),
  ),
});
export type UnsyncedExport = z.infer<typeof unsyncedExportSchema>;

export type ImportResult =
  | { ok: true; added: { mutations: number; visits: number; answers: number; photos: number } }
  | { ok: false; reason: string };

/** Serialises all unsynced data to the text of a JSON file. */
export async function exportUnsynced(
  db: AppDb,
  now: number,
  report: ReportUnreadable = warnUnreadable,
): Promise<string> {
  // Every record is parsed in full, not only checked, so that the file imports again wherever it
  // goes; one that does not parse is reported and left out (it stays on the phone).
  // Read everything in one transaction first: awaiting Blob reads inside it would let it commit.
  const tx = db.transaction(["outbox", "visits", "answers", "photos", "meta"]);
  const outboxStore = tx.objectStore("outbox");
  const [outboxKeys, outboxRaws] = await Promise.all([
    outboxStore.getAllKeys(),
    outboxStore.getAll(),
  ]);
  // What the server applied is not unsynced: only waiting and refused changes go in the file.
  const outbox = parseRecords("outbox", outboxKeys, outboxRaws, report).filter(
    (r) => r.status !== "sent",
  );

  const visitIds = new Set(outbox.flatMap((r) => (r.visitId === undefined ? [] : [r.visitId])));
  const visits: Visit[] = [];
  const answers: VisitAnswer[] = [];
  const photos = new Map<string, PhotoRecord>();
  for (const visitId of visitIds) {
    const visit = parseRecord(
      "visits",
      visitId,
      await tx.objectStore("visits").get(visitId),
      report,
    );
    if (visit) visits.push(visit);
    const byVisit = tx.objectStore("answers").index("byVisitId");
    const [answerKeys, answerRaws] = await Promise.all([
      byVisit.getAllKeys(visitId),
      byVisit.getAll(visitId),
    ]);
    answers.push(...parseRecords("answers", answerKeys, answerRaws, report));
    const photosOfVisit = tx.objectStore("photos").index("byVisitId");
    const [photoKeys, photoRaws] = await Promise.all([
      photosOfVisit.getAllKeys(visitId),
      photosOfVisit.getAll(visitId),
    ]);
    for (const photo of parseRecords("photos", photoKeys, photoRaws, report)) {
      photos.set(photo.meta.id, photo);
    }
  }
  for (const photoId of outbox.flatMap((r) => referencedPhotoIds(r.mutation))) {
    if (photos.has(photoId)) continue;
    const photo = parseRecord(
      "photos",
      photoId,
      await tx.objectStore("photos").get(photoId),
      report,
    );
    if (photo) photos.set(photoId, photo);
  }
  const clientIdRecord = await tx.objectStore("meta").get("clientId");
  await tx.done;

  const file: UnsyncedExport = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now,
    clientId: clientIdRecord?.key === "clientId" ? clientIdRecord.value : null,
    outbox,
    visits,
    answers,
    photos: await Promise.all(
      [...photos.values()]
        .filter((p) => p.uploadState !== "uploaded")
        .map(async (p) => ({
          meta: p.meta,
          data: await blobToBase64(p.blob),
          thumbnail: await blobToBase64(p.thumbnail),
          thumbnailType: p.thumbnail.type,
        })),
    ),
  };
  return JSON.stringify(file);
}

/** Reads an export file back into this phone's storage (in one transaction) and queues its mutations. */
export async function importUnsynced(db: AppDb, text: string): Promise<ImportResult> {
  const json = parseJson(text);
  if (json === undefined) return { ok: false, reason: "文件内容不是有效的 JSON" };
  const parsed = unsyncedExportSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: parsed.error.issues[0]?.message ?? "导出文件无法读取" };
  const file = parsed.data;
  const photos: PhotoRecord[] = file.photos.map((p) => ({
    meta: p.meta,
    blob: base64ToBlob(p.data, p.meta.mime),
    thumbnail: base64ToBlob(p.thumbnail, p.thumbnailType),
    // The server answers 200 for bytes it already has, so re-uploading is safe.
    uploadState: "pending",
    uploadError: null,
  }));

  const added = { mutations: 0, visits: 0, answers: 0, photos: 0 };
  const tx = db.transaction(["outbox", "visits", "answers", "photos"], "readwrite");
  const outbox = tx.objectStore("outbox");
  for (const record of file.outbox) {
    if ((await outbox.index("byMutationId").getKey(record.mutation.id)) !== undefined) continue;
    await outbox.add(record);
    added.mutations += 1;
  }
  for (const visit of file.visits) {
    const local = await tx.objectStore("visits").get(visit.id);
    if (local !== undefined && local.updatedAt >= visit.updatedAt) continue;
    await tx.objectStore("visits").put(visit);
    added.visits += 1;
  }
  for (const answer of file.answers) {
    const local = await tx
      .objectStore("answers")
      .get([answer.visitId, answer.templateCode, answer.itemCode]);
    if (local !== undefined && local.answeredAt >= answer.answeredAt) continue;
    await tx.objectStore("answers").put(answer);
    added.answers += 1;
  }
  for (const photo of photos) {
    if ((await tx.objectStore("photos").getKey(photo.meta.id)) !== undefined) continue;
    await tx.objectStore("photos").put(photo);
    added.photos += 1;
  }
  await tx.done;
  return { ok: true, added };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
