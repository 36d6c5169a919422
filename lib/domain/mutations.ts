import { z } from "zod";

import { idSchema } from "./ids";
import type { PhotoId } from "./photo/photo.schema";
import { rectificationActionSchema } from "./rectification/rectification.schema";
import { intSchema, timestampSchema } from "./text";
import {
  photoMetaSchema,
  visitAnswerSchema,
  visitPatchSchema,
  visitSignaturesSchema,
  visitStartInputSchema,
  visitSummarySchema,
} from "./visit/visit.schema";

/*
 * Mutations: what the phone records in its outbox and the server applies, exactly once each.
 *
 * Every mutation is `{ id, name, args, createdAt }`:
 * - `id` is a UUIDv7 made on the phone and is the idempotency key: the server records processed
 *   ids and answers a repeat with `duplicate`, changing nothing.
 * - `name` is `"<entity>.<verb>"` and selects the `args` schema (a discriminated union, never
 *   `args: any`); an unknown name is rejected explicitly by the server, never skipped.
 * - `createdAt` (epoch ms, phone clock) is when the edit happened; reducers use it as "now" so the
 *   phone and the server compute the same record.
 *
 * Mutations of one client are pushed in the order they were made. Visit mutations are applied by
 * `applyVisitMutation` (lib/domain/visit/visit.ts) on both sides; `rectification.act` only on the
 * server, by the same rectification service as its REST route.
 *
 * Adding a mutation: define its schema with `defineMutation`, add it to its entity's union (or a
 * new one), spread that union's `.options` into `mutationSchema`, and add a case to
 * `referencedPhotoIds` and `mutationVisitId`.
 */

/** The shared envelope around one mutation's args. */
export function defineMutation<const N extends string, A extends z.ZodType>(name: N, args: A) {
  return z.object({
    id: idSchema,
    name: z.literal(name),
    args,
    createdAt: timestampSchema("更改时间"),
  });
}

/** Starts a draft visit. The server checks that `inspectorId` is the signed-in user and the school is in scope. */
export const visitStartMutationSchema = defineMutation(
  "visit.start",
  visitStartInputSchema.extend({ visitId: idSchema }),
);

/** Changes header fields of a draft (only the fields present). */
export const visitUpdateMutationSchema = defineMutation(
  "visit.update",
  z.object({
    visitId: idSchema,
    patch: visitPatchSchema.refine(
      (p) => Object.values(p).some((v) => v !== undefined),
      "没有要保存的更改",
    ),
  }),
);

/** Saves (replaces) one answer; the record is keyed by [visitId, templateCode, itemCode]. */
export const answerSaveMutationSchema = defineMutation("answer.save", visitAnswerSchema);

/** Records the metadata of a photo whose bytes are uploaded by `PUT /api/photos/{id}` before this is pushed. */
export const photoRegisterMutationSchema = defineMutation("photo.register", photoMetaSchema);

/** Locks the visit. The submit time is the mutation's `createdAt`. */
export const visitSubmitMutationSchema = defineMutation(
  "visit.submit",
  z.object({
    visitId: idSchema,
    summary: visitSummarySchema,
    signatures: visitSignaturesSchema,
    endedAt: timestampSchema("结束时间"),
  }),
);

const UNKNOWN_MUTATION = { message: "无法识别的更改类型" };

export const visitMutationSchema = z.discriminatedUnion(
  "name",
  [
    visitStartMutationSchema,
    visitUpdateMutationSchema,
    answerSaveMutationSchema,
    photoRegisterMutationSchema,
    visitSubmitMutationSchema,
  ],
  UNKNOWN_MUTATION,
);
export type VisitMutation = z.infer<typeof visitMutationSchema>;

/**
 * One action on a 整改事项 (e.g. an inspector's 复查 recorded offline). Items are server-authoritative:
 * `expectedVersion` is the item version the person saw, and if anyone acted on the item since, the
 * server rejects the action with the reason (kept on the phone in the conflict list), never merges it.
 * The office's direct POST of an action takes these same args (lib/contracts/rectification.ts).
 */
export const rectificationActArgsSchema = z.object({
  itemId: idSchema,
  expectedVersion: intSchema("无效的版本号").min(1, "无效的版本号"),
  action: rectificationActionSchema,
  /**
   * When the action was taken on site (phone clock). The server stores it beside its own time;
   * absent from mutations queued before it existed (then `createdAt` stands in).
   */
  occurredAt: timestampSchema("现场时间").optional(),
});
export type RectificationActArgs = z.infer<typeof rectificationActArgsSchema>;

export const rectificationActMutationSchema = defineMutation(
  "rectification.act",
  rectificationActArgsSchema,
);

export const rectificationMutationSchema = z.discriminatedUnion(
  "name",
  [rectificationActMutationSchema],
  UNKNOWN_MUTATION,
);
export type RectificationMutation = z.infer<typeof rectificationMutationSchema>;

/** Every mutation the server accepts. */
export const mutationSchema = z.discriminatedUnion(
  "name",
  [...visitMutationSchema.options, ...rectificationMutationSchema.options],
  UNKNOWN_MUTATION,
);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationName = Mutation["name"];

/**
 * The photos a mutation points at. Their bytes must reach the server before the mutation does,
 * so that the server can check every reference when it applies it.
 */
export function referencedPhotoIds(mutation: Mutation): PhotoId[] {
  switch (mutation.name) {
    case "visit.start":
      return [];
    case "visit.update":
      return mutation.args.patch.signatures
        ? signaturePhotoIds(mutation.args.patch.signatures)
        : [];
    case "answer.save": {
      const rectification = mutation.args.finding?.rectification;
      const after =
        rectification?.mode === "on_site"
          ? rectification.afterPhotoIds
          : rectification?.mode === "control"
            ? rectification.controlPhotoIds
            : [];
      return [...mutation.args.photoIds, ...after];
    }
    case "photo.register":
      // An annotated copy's original must be on the server first, so the relation never dangles.
      return mutation.args.annotation
        ? [mutation.args.id, mutation.args.annotation.originalId]
        : [mutation.args.id];
    case "visit.submit":
      return signaturePhotoIds(mutation.args.signatures);
    case "rectification.act": {
      const { action } = mutation.args;
      return "photoIds" in action ? action.photoIds : [];
    }
  }
}

/** The visit a mutation belongs to (undefined for mutations of other entities), for per-visit sync state. */
export function mutationVisitId(mutation: Mutation): string | undefined {
  switch (mutation.name) {
    case "visit.start":
    case "visit.update":
    case "answer.save":
    case "photo.register":
    case "visit.submit":
      return mutation.args.visitId;
    case "rectification.act":
      return undefined;
  }
}

function signaturePhotoIds(signatures: z.infer<typeof visitSignaturesSchema>): PhotoId[] {
  return [signatures.inspector?.photoId, signatures.school?.photoId].filter(
    (id) => id !== undefined,
  );
}
