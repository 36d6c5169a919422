/**
 * The layout of the phone's IndexedDB database and the records that only exist there (outbox
 * entries, photo blobs, sync metadata). Entity values are domain types; the records' own types come
 * from their zod schemas (record-schemas.ts) as types only, so that this module, which every store
 * imports, loads no zod (read-record.ts). No reads or writes here.
 */
import type { DBSchema, StoreNames } from "idb";
import type { z } from "zod";

import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import type { Template } from "@/lib/domain/template/template.schema";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";

import type {
  metaRecordSchema,
  outboxRecordSchema,
  photoRecordSchema,
  syncErrorSchema,
} from "./record-schemas";

/**
 * "sent": applied by the server, kept a while for the person who made it to review (a 复查's
 * decisions before the visit is submitted); never sent again, exported or counted as waiting.
 */
export const OUTBOX_STATUSES = ["pending", "rejected", "sent"] as const;

/** One mutation waiting to be pushed, or refused by the server and kept for the user to see. */
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

export const UPLOAD_STATES = ["pending", "uploaded", "rejected"] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

/** A photo on the phone: its bytes, a small thumbnail for lists, and whether the server has it. */
export type PhotoRecord = z.infer<typeof photoRecordSchema>;

/** A sync failure as the status line shows it. */
export type SyncError = z.infer<typeof syncErrorSchema>;

/** Small key-value records: one per key, each with its own value shape. */
export type MetaRecord = z.infer<typeof metaRecordSchema>;
export type MetaKey = MetaRecord["key"];

export interface AppDbSchema extends DBSchema {
  visits: { key: string; value: Visit; indexes: { bySchoolId: string } };
  answers: { key: [string, string, string]; value: VisitAnswer; indexes: { byVisitId: string } };
  photos: { key: string; value: PhotoRecord; indexes: { byVisitId: string } };
  /** Out-of-line auto-increment key: the order the edits were made in. */
  outbox: {
    key: number;
    value: OutboxRecord;
    indexes: { byMutationId: string; byStatus: string; byVisitStatus: [string, string] };
  };
  schools: { key: string; value: PackSchool };
  templates: { key: [string, number]; value: Template };
  rectificationItems: {
    key: string;
    value: RectificationItem;
    indexes: { bySchoolId: string };
  };
  meta: { key: string; value: MetaRecord };
}

export type AppStoreName = StoreNames<AppDbSchema>;
/** What a record of `S` is once read. */
export type AppRecord<S extends AppStoreName> = AppDbSchema[S]["value"];
