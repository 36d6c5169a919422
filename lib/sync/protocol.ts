/**
 * The sync protocol between the inspector app and the server: the zod schemas of its messages, which
 * the endpoints' contracts (lib/contracts/sync.ts) name and lib/sync (client) and app/api (server)
 * share. Changing a message's shape means a new versioned schema unioned with the old one, never an
 * edit in place.
 *
 * Endpoints (lib/contracts/sync.ts; error bodies are the one `errorBodySchema` of lib/contracts):
 * - `PUT /api/photos/{sha256}`, body = the image bytes, `Content-Type` = its mime type.
 *   201 stored, 200 already there (both success); 400 hash mismatch, 413 too large, 415 not an
 *   image.
 * - `POST /api/sync/push`, body `pushRequestSchema` → `pushResponseSchema`: one DB transaction per
 *   batch, one result per mutation, in order.
 * - `GET /api/sync/pull?cursor=…` (no cursor = from the beginning) → `pullResponseSchema`.
 * - `GET /api/inspect/pack` → `visitPackSchema`.
 * - 401 (no session) / 403 (wrong role) pause the client's sync; it keeps everything.
 *
 * Applying a push on the server, in one DB transaction, mutation by mutation in order:
 * 1. Id already applied (processed_mutations) → `duplicate`, nothing else. Record only APPLIED
 *    ids: a rejected mutation the user retries must be judged again, because the client removes
 *    anything answered `duplicate`.
 * 2. Parse with `mutationSchema` (after `pushRequestEnvelopeSchema`); failure → `rejected` with the
 *    first zod message.
 * 3. Scope: the school is the user's, `inspectorId` is the signed-in user → else `rejected`.
 * 4. Every `referencedPhotoIds(m)` has its bytes stored (uploaded by this user, or already the
 *    school's) → else `rejected` ("照片尚未上传").
 * 5. Load the visit `mutationVisitId(m)`, run `applyVisitMutation(visit, m)`; a refusal → `rejected`
 *    with its reason; else store the visit (and for `answer.save` / `photo.register` the args).
 *    `visit.submit` is also re-checked for completeness and issues the 整改通知书.
 * `rectification.act` skips 3–5: the rectification service judges its scope, version and photos.
 * Implemented by lib/server/sync/apply-push.ts (a batch's writes together; a rejection affects only its mutation).
 */
import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { mutationSchema } from "@/lib/domain/mutations";
import { rectificationItemSchema } from "@/lib/domain/rectification/rectification.schema";
import { refusalSchema } from "@/lib/domain/refusal";
import { visitPackSchema, type VisitPack } from "@/lib/domain/visit/visit-pack.schema";
import { visitAnswerSchema, visitSchema } from "@/lib/domain/visit/visit.schema";

export { visitPackSchema, type VisitPack };

/** Largest batch the server accepts in one push. */
export const MAX_PUSH_MUTATIONS = 100;
const NO_MUTATIONS = "没有要同步的更改";
const TOO_MANY_MUTATIONS = `一次最多同步 ${MAX_PUSH_MUTATIONS} 条更改`;

export const pushRequestSchema = z.object({
  /** UUIDv7 made once per installation; for the server's logs, not for idempotency. */
  clientId: idSchema,
  /** In the order they were made on the phone; the server applies them in this order. */
  mutations: z
    .array(mutationSchema)
    .min(1, NO_MUTATIONS)
    .max(MAX_PUSH_MUTATIONS, TOO_MANY_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What the server should parse first: the envelope with each mutation's name and args unchecked,
 * so that one unknown or invalid mutation becomes a `rejected` result (with the zod message as
 * the reason) instead of failing the whole batch. Parse each entry with `mutationSchema` next.
 */
export const pushRequestEnvelopeSchema = z.object({
  clientId: idSchema,
  mutations: z
    .array(
      // Only the id is judged here: anything else wrong is that one mutation's rejection.
      z.object({ id: idSchema, name: z.unknown(), args: z.unknown(), createdAt: z.unknown() }),
    )
    .min(1, NO_MUTATIONS)
    .max(MAX_PUSH_MUTATIONS, TOO_MANY_MUTATIONS),
});

/**
 * One result per mutation id. `duplicate` = already applied earlier (a retry after a lost
 * response): the client treats it like `applied`. `rejected` = refused for good, with the refusal:
 * a code the phone acts on and a message the user can read (out of scope, visit already submitted …).
 */
export const mutationResultSchema = z.discriminatedUnion("status", [
  z.object({ id: idSchema, status: z.literal("applied") }),
  z.object({ id: idSchema, status: z.literal("duplicate") }),
  z.object({ id: idSchema, status: z.literal("rejected"), refusal: refusalSchema }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Opaque to the client: the server's change counter where the last pull ended. */
export const cursorSchema = z.string().min(1).max(200);

/**
 * One changed entity, always its whole current state (never a diff). The client ignores entities
 * it does not know, so the server may add kinds without breaking older phones.
 */
export const pullChangeSchema = z.discriminatedUnion("entity", [
  z.object({ entity: z.literal("visit"), value: visitSchema }),
  z.object({ entity: z.literal("answer"), value: visitAnswerSchema }),
  /** Closed or cancelled items are sent too, so that the phone drops them. */
  z.object({ entity: z.literal("rectificationItem"), value: rectificationItemSchema }),
]);
export type PullChange = z.infer<typeof pullChangeSchema>;

/** What the server sends. */
export const pullResponseSchema = z.object({
  cursor: cursorSchema,
  changes: z.array(pullChangeSchema),
  /** More changes wait after `cursor`; the client pulls again at once. */
  hasMore: z.boolean().optional(),
  /**
   * The client's cursor is older than the history the server keeps (or the user's scope changed):
   * `changes` (with the pages after it) is then a full snapshot and the client first drops server
   * data it holds no unsent edits for. Set on the first page of the snapshot only.
   */
  resetRequired: z.boolean().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** A pull as the client applies it: known changes only, with what was skipped counted. */
export type ParsedPull = {
  cursor: string;
  changes: PullChange[];
  hasMore: boolean;
  resetRequired: boolean;
  /** Changes of entities this client does not know (a newer server). */
  unknown: number;
  /** Changes of known entities that failed validation. */
  invalid: number;
};

const lenientPullSchema = pullResponseSchema.extend({
  changes: z.array(z.looseObject({ entity: z.string() })),
});
const KNOWN_ENTITIES: ReadonlySet<string> = new Set(
  pullChangeSchema.options.map((o) => o.shape.entity.value),
);

/** Parses a pull on the client, one change at a time, so one bad or unknown change spoils nothing else. */
export function parsePullResponse(body: unknown): { ok: true; pull: ParsedPull } | { ok: false } {
  const envelope = lenientPullSchema.safeParse(body);
  if (!envelope.success) return { ok: false };
  const pull: ParsedPull = {
    cursor: envelope.data.cursor,
    changes: [],
    hasMore: envelope.data.hasMore === true,
    resetRequired: envelope.data.resetRequired === true,
    unknown: 0,
    invalid: 0,
  };
  for (const raw of envelope.data.changes) {
    if (!KNOWN_ENTITIES.has(raw.entity)) {
      pull.unknown += 1;
      continue;
    }
    const change = pullChangeSchema.safeParse(raw);
    if (change.success) pull.changes.push(change.data);
    else pull.invalid += 1;
  }
  return { ok: true, pull };
}
