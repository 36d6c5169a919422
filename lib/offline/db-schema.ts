/**
 * The layout of the phone's IndexedDB database and the records that only exist there (outbox
 * entries, photo blobs, sync metadata). Entity values are domain types, so idb's types and zod's
 * come from one definition. No reads or writes here.
 */
import type { DBSchema, StoreNames } from "idb";
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { mutationSchema } from "@/lib/domain/mutations";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { refusalSchema } from "@/lib/domain/refusal";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import { type Template, templateRefSchema } from "@/lib/domain/template/template.schema";
import {
  packCampaignSchema,
  routineTemplatesSchema,
  type PackSchool,
} from "@/lib/domain/visit/visit-pack.schema";
import { photoMetaSchema, type Visit, type VisitAnswer } from "@/lib/domain/visit/visit.schema";

/**
 * "sent": applied by the server, kept a while for the person who made it to review (a 复查's
 * decisions before the visit is submitted); never sent again, exported or counted as waiting.
 */
export const OUTBOX_STATUSES = ["pending", "rejected", "sent"] as const;

/** One mutation waiting to be pushed, or refused by the server and kept for the user to see. */
export const outboxRecordSchema = z.object({
  mutation: mutationSchema,
  /** Copied from the mutation so per-visit sync state is one index count; absent for non-visit mutations. */
  visitId: idSchema.optional(),
  status: z.enum(OUTBOX_STATUSES),
  /** Why the server rejected it: a code the app acts on, a Chinese message shown as is. */
  refusal: refusalSchema.nullable(),
  rejectedAt: z.number().int().nullable(),
  /** The 整改事项 a change is about, for people: the item itself may leave the device. */
  subject: z.object({ schoolId: idSchema, prompt: z.string() }).optional(),
  /** When the server confirmed a kept ("sent") entry. */
  sentAt: z.number().int().optional(),
});
export type OutboxRecord = z.infer<typeof outboxRecordSchema>;

export const UPLOAD_STATES = ["pending", "uploaded", "rejected"] as const;
export const uploadStateSchema = z.enum(UPLOAD_STATES);
export type UploadState = z.infer<typeof uploadStateSchema>;

/** A photo on the phone: its bytes, a small thumbnail for lists, and whether the server has it. */
export const photoRecordSchema = z.object({
  meta: photoMetaSchema,
  blob: z.instanceof(Blob),
  thumbnail: z.instanceof(Blob),
  uploadState: uploadStateSchema,
  /** Why the server refused the bytes (400/413/415), null otherwise. */
  uploadError: z.string().nullable(),
});
export type PhotoRecord = z.infer<typeof photoRecordSchema>;

/** A sync failure as the status line shows it. */
export const syncErrorSchema = z.object({
  message: z.string(),
  at: z.number().int(),
  /** HTTP status when the server answered, null for network failures. */
  httpStatus: z.number().int().nullable(),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

/** Small key-value records: one per key, each with its own value shape. */
export const metaRecordSchema = z.discriminatedUnion("key", [
  /** Made once per installation; sent with every push. */
  z.object({ key: z.literal("clientId"), value: idSchema }),
  /** Where the last applied pull ended; null = never pulled. */
  z.object({ key: z.literal("pullCursor"), value: z.string().nullable() }),
  z.object({
    key: z.literal("syncState"),
    lastSyncAt: z.number().int().nullable(),
    lastError: syncErrorSchema.nullable(),
  }),
  /** When the server made the visit pack now on the phone. */
  z.object({ key: z.literal("packGeneratedAt"), value: z.number().int() }),
  /** The district's deadline policy from the last visit pack. */
  z.object({ key: z.literal("deadlinePolicy"), value: deadlinePolicySchema }),
  /** The template versions a new visit may pin, from the last visit pack. */
  z.object({ key: z.literal("offeredTemplates"), value: z.array(templateRefSchema) }),
  /** The district's 挂牌督导 checklist codes, from the last visit pack. */
  z.object({ key: z.literal("routineTemplates"), value: routineTemplatesSchema }),
  /** The 专项督查 of the last visit pack (absent when it was made before packs named them). */
  z.object({ key: z.literal("campaigns"), value: z.array(packCampaignSchema) }),
]);
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
