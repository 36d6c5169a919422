import type { Id } from "@/lib/domain/ids";
import { mutationVisitId, referencedPhotoIds } from "@/lib/domain/mutations";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { type Refusal, refusal, type RefusalCode, refusalOf } from "@/lib/domain/refusal";
import { applyVisitMutation } from "@/lib/domain/visit/visit";
import type { VisitPack } from "@/lib/domain/visit/visit-pack.schema";
import type { PhotoMeta, Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import {
  pushRequestSchema,
  type MutationResult,
  type PullChange,
  type PullResponse,
} from "@/lib/sync/protocol";
import type { SyncLocks } from "@/lib/sync/sync-engine";
import type { Transport, TransportResult } from "@/lib/sync/transport";

type Endpoint = "putPhoto" | "push" | "pull" | "getPack";

/** What the server saw, in order: photo uploads by id, pushes by mutation ids. */
export type ServerRequest =
  | { endpoint: "putPhoto"; photoId: PhotoId }
  | { endpoint: "push"; mutationIds: Id[] }
  | { endpoint: "pull"; cursor: string | null }
  | { endpoint: "getPack" };

/**
 * A scripted answer: a canned result, "lose" = handle the request but lose the response, or
 * "serve" = handle it normally.
 */
type Script = TransportResult | "lose" | "serve";

export const NETWORK_DOWN: TransportResult = { kind: "network", message: "Failed to fetch" };

/** A non-2xx answer with the real error body (lib/server/refusal.ts): the refusal's code and message. */
export function httpError(
  status: number,
  message = `HTTP ${status}`,
  error: RefusalCode = "invalid_input",
): TransportResult {
  return { kind: "http", ok: false, status, body: { error, message } };
}

/**
 * An in-memory server speaking the sync protocol (see lib/sync/protocol.ts): it applies mutations
 * with the same domain reducer as the real one, once per mutation id, checks that referenced photos were uploaded
 * first, and keeps a change log for pulls. Tests script failures per endpoint.
 */
export function createFakeSyncServer() {
  const visits = new Map<Id, Visit>();
  const answers = new Map<string, VisitAnswer>();
  const photos = new Map<PhotoId, Blob>();
  const photoMetas = new Map<PhotoId, PhotoMeta>();
  const items = new Map<Id, RectificationItem>();
  /** Applied mutation ids (processed_mutations); rejected ones are not recorded. */
  const applied = new Set<Id>();
  const changeLog: PullChange[] = [];
  const requests: ServerRequest[] = [];
  const scripts: Record<Endpoint, Script[]> = { putPhoto: [], push: [], pull: [], getPack: [] };
  /** Mutation ids the server refuses the next time it sees them (e.g. out of scope until reassigned). */
  const refusals = new Map<Id, Refusal>();
  let pack: VisitPack | null = null;

  async function serve(
    endpoint: Endpoint,
    handle: () => TransportResult | Promise<TransportResult>,
  ) {
    const script = scripts[endpoint].shift();
    if (script === undefined || script === "serve") return handle();
    if (script === "lose") {
      await handle();
      return NETWORK_DOWN;
    }
    return script;
  }

  function applyPush(body: unknown): TransportResult {
    // Through JSON, as on the wire, and validated like the real route handler does.
    const parsed = pushRequestSchema.safeParse(JSON.parse(JSON.stringify(body)));
    if (!parsed.success) return httpError(422, parsed.error.issues[0]?.message);
    const results = parsed.data.mutations.map((mutation): MutationResult => {
      if (applied.has(mutation.id)) return { id: mutation.id, status: "duplicate" };
      const scripted = refusals.get(mutation.id);
      if (scripted !== undefined) {
        refusals.delete(mutation.id);
        return { id: mutation.id, status: "rejected", refusal: scripted };
      }
      const missing = referencedPhotoIds(mutation).filter((id) => !photos.has(id));
      if (missing.length > 0) {
        return {
          id: mutation.id,
          status: "rejected",
          refusal: refusal("photo_missing", `照片尚未上传（${missing.length} 张）`),
        };
      }
      if (mutation.name === "rectification.act") {
        // Items are server-authoritative: only the version check is modelled, not the transitions.
        const item = items.get(mutation.args.itemId);
        if (item?.version !== mutation.args.expectedVersion) {
          return {
            id: mutation.id,
            status: "rejected",
            refusal: item
              ? refusal("stale_version", "该事项已被他人处理")
              : refusal("not_found", "整改事项不存在"),
          };
        }
        applied.add(mutation.id);
        return { id: mutation.id, status: "applied" };
      }
      const visitId = mutationVisitId(mutation);
      const outcome = applyVisitMutation(
        visitId === undefined ? undefined : visits.get(visitId),
        mutation,
      );
      if (!outcome.ok) return { id: mutation.id, status: "rejected", refusal: refusalOf(outcome) };
      applied.add(mutation.id);
      if (visits.get(outcome.visit.id) !== outcome.visit) {
        visits.set(outcome.visit.id, outcome.visit);
        changeLog.push({ entity: "visit", value: outcome.visit });
      }
      if (mutation.name === "answer.save") {
        const a = mutation.args;
        answers.set(`${a.visitId}/${a.templateCode}/${a.itemCode}`, a);
        changeLog.push({ entity: "answer", value: a });
      }
      if (mutation.name === "photo.register") photoMetas.set(mutation.args.id, mutation.args);
      return { id: mutation.id, status: "applied" };
    });
    return { kind: "http", ok: true, status: 200, body: { results } };
  }

  const transport: Transport = {
    putPhoto(photoId, blob) {
      requests.push({ endpoint: "putPhoto", photoId });
      return serve("putPhoto", () => {
        const existed = photos.has(photoId);
        photos.set(photoId, blob);
        return { kind: "http", ok: true, status: existed ? 200 : 201, body: null };
      });
    },
    push(body) {
      requests.push({ endpoint: "push", mutationIds: body.mutations.map((m) => m.id) });
      return serve("push", () => applyPush(body));
    },
    pull(cursor) {
      requests.push({ endpoint: "pull", cursor });
      return serve("pull", () => {
        const from = cursor === null ? 0 : Number(cursor);
        const response: PullResponse = {
          cursor: String(changeLog.length),
          changes: changeLog.slice(from),
        };
        return { kind: "http", ok: true, status: 200, body: response };
      });
    },
    getPack() {
      requests.push({ endpoint: "getPack" });
      return serve("getPack", () =>
        pack
          ? { kind: "http", ok: true, status: 200, body: pack }
          : httpError(404, "没有可下载的检查包"),
      );
    },
  };

  return {
    transport,
    requests,
    visits,
    answers,
    photos,
    photoMetas,
    items,
    applied,
    /** The next calls to `endpoint` get these answers, in order; later calls are served normally. */
    script(endpoint: Endpoint, ...next: Script[]) {
      scripts[endpoint].push(...next);
    },
    refuseOnce(mutationId: Id, why: Refusal) {
      refusals.set(mutationId, why);
    },
    setPack(next: VisitPack) {
      pack = next;
    },
    /** A change made on the server (e.g. by the office), delivered on the next pull. */
    publishItem(item: RectificationItem) {
      items.set(item.id, item);
      changeLog.push({ entity: "rectificationItem", value: item });
    },
    requestsTo(endpoint: Endpoint) {
      return requests.filter((r) => r.endpoint === endpoint);
    },
  };
}

/** Web Locks stand-in: one holder at a time, the others queue (as navigator.locks does). */
export function serialLocks(): SyncLocks {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const run = tail.then(callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
