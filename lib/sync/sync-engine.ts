/**
 * The sync loop between the phone's outbox and the server: upload the photos pending mutations
 * refer to, push the mutations in order, pull the server's changes, refresh the visit pack when it
 * is old. It never drops data: only what the server confirmed leaves the outbox, and what it
 * refused stays visible with the reason. No React and no fetch here (see transport.ts); triggers
 * (start, `online`, page visible, after edits, "立即同步") are wired by a hook.
 */
import { errorBodySchema } from "@/lib/contracts/contract";
import type { Clock } from "@/lib/domain/clock";
import type { Id } from "@/lib/domain/ids";
import { referencedPhotoIds } from "@/lib/domain/mutations";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { type Refusal, refusal } from "@/lib/domain/refusal";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { SyncError } from "@/lib/offline/db-schema";
import type { MetaStore } from "@/lib/offline/meta-store";
import type { OutboxEntry, OutboxStore } from "@/lib/offline/outbox-store";
import type { PackStore } from "@/lib/offline/pack-store";
import type { PhotoStore } from "@/lib/offline/photo-store";
import type { PulledChanges, PullStore } from "@/lib/offline/pull-store";

import { nextDelayMs } from "./backoff";
import { classifyFailure } from "./classify-failure";
import { IDLE_SNAPSHOT } from "./idle-snapshot";
import { SYNC_LOCK_NAME } from "./lock-name";
import {
  parsePullResponse,
  pushResponseSchema,
  visitPackSchema,
  type PullChange,
} from "./protocol";
import { splitPushResults } from "./push-results";
import type { HttpResult, Transport, TransportResult } from "./transport";

/** One tab syncs at a time (Web Locks); the others wait their turn. */
export { SYNC_LOCK_NAME };
export const PUSH_BATCH_SIZE = 50;
/** Pages pulled in one sync; the rest comes with the next one. */
export const MAX_PULL_PAGES = 20;
/** The visit pack is downloaded again when older than this (and on "refresh pack"). */
export const PACK_MAX_AGE_MS = 12 * 60 * 60 * 1_000;

export type SyncStatus =
  "idle" | "syncing" | "offline" | "backoff" | "needs-auth" | "has-rejections";

/** What the UI renders; a new object on every change. */
export type SyncSnapshot = {
  status: SyncStatus;
  /** Mutations not yet confirmed by the server. */
  pendingCount: number;
  /** Mutations the server refused, kept in the conflict list. */
  rejectedCount: number;
  lastSyncAt: number | null;
  lastError: SyncError | null;
  /** When the next automatic retry runs, while offline or backing off. */
  nextRetryAt: number | null;
};

/** Runs `run` after `delayMs`; returns a function that cancels it. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

export const timerSchedule: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

/** The part of the Web Locks API the engine uses; `navigator.locks` fits it. */
export type SyncLocks = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

export type SyncStores = {
  outbox: Pick<OutboxStore, "peekBatch" | "ack" | "markRejected" | "counts">;
  photos: Pick<PhotoStore, "get" | "getBlob" | "markUploaded" | "markUploadRejected">;
  meta: Pick<
    MetaStore,
    "getOrCreateClientId" | "getCursor" | "getSyncState" | "saveSyncState" | "getPackGeneratedAt"
  >;
  pull: PullStore;
  /** The inspector's visit pack; a school's device has none and never downloads one. */
  pack?: Pick<PackStore, "replace">;
};

export type SyncEngineDeps = {
  stores: SyncStores;
  transport: Transport;
  clock: Clock;
  schedule: Schedule;
  /** A draw in [0, 1) for backoff jitter. */
  random: () => number;
  locks: SyncLocks;
  /** Makes the installation's client id on first sync. */
  newId: () => Id;
  /**
   * Whether the device has a network at all (navigator.onLine). When it says no, a sync does not
   * start (no "同步中…" while offline) and the engine waits for the next trigger or retry.
   */
  isOnline?: () => boolean;
  batchSize?: number;
  /**
   * After a sync that reached the server: keep on the phone the photos the pack's open items show
   * (they are a 复查's evidence, and there may be no network at the school). Never rejects.
   */
  keepPackPhotos?: () => Promise<void>;
};

export type SyncEngine = {
  /** Turns on automatic retries and syncs now (the app-start trigger). */
  start(): Promise<void>;
  /** Cancels the pending retry and turns automatic retries off; a running sync finishes. */
  stop(): void;
  /** Syncs now, cancelling any backoff wait. Resolves when done; never rejects. */
  syncNow(): Promise<void>;
  /** Downloads the visit pack now, whatever its age (after a sync of pending edits). */
  refreshPack(): Promise<void>;
  /**
   * Call after a local edit (debounced). Syncs unless the engine is waiting out a backoff or a
   * sign-in, so a failing server is not hit on every tap; the counts update either way.
   */
  notifyLocalChange(): Promise<void>;
  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void;
  getSnapshot(): SyncSnapshot;
};

/** Why a sync stopped early. Everything it did not finish stays on the phone. */
type Stop =
  | { kind: "retry"; error: SyncError; isNetwork: boolean }
  | { kind: "needs-auth"; error: SyncError };

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { stores, transport, clock, schedule, random, locks, newId } = deps;
  const batchSize = deps.batchSize ?? PUSH_BATCH_SIZE;
  const listeners = new Set<(snapshot: SyncSnapshot) => void>();
  let snapshot: SyncSnapshot = IDLE_SNAPSHOT;
  let isStarted = false;
  let isRestored = false;
  let attempt = 0;
  let cancelRetry: (() => void) | null = null;
  let running: Promise<void> | null = null;
  let runAgain = false;
  let packWanted = false;

  function publish(patch: Partial<SyncSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener(snapshot);
  }

  function clearRetry(): void {
    cancelRetry?.();
    cancelRetry = null;
  }

  function syncNow(): Promise<void> {
    clearRetry();
    if (running) {
      // An edit or a tap during a sync: go round once more when this one ends.
      runAgain = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          runAgain = false;
          await locks.request(SYNC_LOCK_NAME, runOnce);
        } while (runAgain);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function runOnce(): Promise<void> {
    clearRetry();
    try {
      if (!isRestored) {
        // What the last session left: the status line is right before the first request returns.
        const [state, counts] = await Promise.all([
          stores.meta.getSyncState(),
          stores.outbox.counts(),
        ]);
        publish({ ...state, pendingCount: counts.pending, rejectedCount: counts.rejected });
        isRestored = true;
      }
      if (deps.isOnline?.() === false) {
        await settle(networkStop());
        return;
      }
      // The counts as the sync starts: what it ends with tells what left the outbox.
      const counts = await stores.outbox.counts();
      publish({
        status: "syncing",
        nextRetryAt: null,
        pendingCount: counts.pending,
        rejectedCount: counts.rejected,
      });
      const stop = (await pushPending()) ?? (await pullChanges()) ?? (await refreshPackIfDue());
      if (stop === null) await deps.keepPackPhotos?.();
      await settle(stop);
    } catch (error) {
      // Local storage failed (quota, closed connection). Nothing was removed; try again later.
      const stop: Stop = {
        kind: "retry",
        isNetwork: false,
        error: syncError(`本机存储出错：${messageOf(error)}`, null),
      };
      try {
        await settle(stop);
      } catch {
        // Storage cannot even be counted: show the error; the next trigger tries again.
        publish({ status: "backoff", lastError: stop.error, nextRetryAt: null });
      }
    }
  }

  async function settle(stop: Stop | null): Promise<void> {
    const counts = await stores.outbox.counts();
    const base = { pendingCount: counts.pending, rejectedCount: counts.rejected };
    if (stop === null) {
      attempt = 0;
      const state = { lastSyncAt: clock.now(), lastError: null };
      await stores.meta.saveSyncState(state);
      publish({
        ...base,
        ...state,
        nextRetryAt: null,
        status: counts.rejected > 0 ? "has-rejections" : "idle",
      });
      return;
    }
    await stores.meta.saveSyncState({ lastSyncAt: snapshot.lastSyncAt, lastError: stop.error });
    if (stop.kind === "needs-auth") {
      // No retry loop on 401/403: the hook shows sign-in and calls syncNow() afterwards.
      publish({ ...base, status: "needs-auth", lastError: stop.error, nextRetryAt: null });
      return;
    }
    const delay = nextDelayMs(attempt, random());
    attempt += 1;
    let nextRetryAt: number | null = null;
    if (isStarted) {
      nextRetryAt = clock.now() + delay;
      cancelRetry = schedule(() => void syncNow(), delay);
    }
    publish({
      ...base,
      status: stop.isNetwork ? "offline" : "backoff",
      lastError: stop.error,
      nextRetryAt,
    });
  }

  /** Pushes the outbox in order until it is empty or a request fails. */
  async function pushPending(): Promise<Stop | null> {
    const clientId = await stores.meta.getOrCreateClientId(newId);
    let size = batchSize;
    for (;;) {
      const batch = await stores.outbox.peekBatch(size);
      if (batch.length === 0) return null;

      const photos = await uploadPhotos(batch);
      if (photos.kind === "stop") return photos.stop;
      const blocked = batch.filter((e) =>
        referencedPhotoIds(e.mutation).some((id) => photos.rejected.has(id)),
      );
      if (blocked.length > 0) {
        const rejections = blocked.map((e) => ({
          id: e.mutation.id,
          refusal: photoRejection(e, photos.rejected),
        }));
        await stores.outbox.markRejected(rejections, clock.now());
      }
      const sendable = batch.filter((e) => !blocked.includes(e));
      if (sendable.length === 0) continue;

      const result = await transport.push({ clientId, mutations: sendable.map((e) => e.mutation) });
      if (!isOk(result)) {
        if (result.kind === "network" || classifyFailure(result) !== "reject")
          return stopFor(result);
        const [only] = sendable;
        if (sendable.length > 1 || !only) {
          // The server refused the whole batch: send one at a time until the culprit is found.
          size = 1;
          continue;
        }
        await stores.outbox.markRejected(
          [{ id: only.mutation.id, refusal: rejectionOf(result) }],
          clock.now(),
        );
        size = batchSize;
        continue;
      }
      const response = pushResponseSchema.safeParse(result.body);
      if (!response.success) return unreadableResponse(result);
      const { acked, rejected } = splitPushResults(
        sendable.map((e) => e.mutation.id),
        response.data.results,
      );
      if (acked.length === 0 && rejected.length === 0) {
        return {
          kind: "retry",
          isNetwork: false,
          error: syncError("服务器没有确认任何更改，稍后自动重试", result.status),
        };
      }
      await stores.outbox.ack(acked, clock.now());
      await stores.outbox.markRejected(rejected, clock.now());
    }
  }

  /**
   * Uploads the not-yet-uploaded photos the batch refers to, before the mutations go. A photo the
   * server refuses (400/413/415) is marked so, and the mutations referring to it are not pushed.
   */
  async function uploadPhotos(
    batch: readonly OutboxEntry[],
  ): Promise<{ kind: "done"; rejected: Map<PhotoId, Refusal> } | { kind: "stop"; stop: Stop }> {
    const rejected = new Map<PhotoId, Refusal>();
    for (const photoId of new Set(batch.flatMap((e) => referencedPhotoIds(e.mutation)))) {
      const photo = await stores.photos.get(photoId);
      // A photo not on this phone (e.g. imported without bytes) is the server's to check.
      if (!photo || photo.uploadState === "uploaded") continue;
      const blob = await stores.photos.getBlob(photoId);
      if (!blob) continue;
      const result = await transport.putPhoto(photoId, blob, photo.meta.mime);
      if (isOk(result)) {
        await stores.photos.markUploaded(photoId);
      } else if (result.kind === "http" && classifyFailure(result) === "reject") {
        const refused = rejectionOf(result);
        await stores.photos.markUploadRejected(photoId, refused.message);
        rejected.set(photoId, refused);
      } else {
        return { kind: "stop", stop: stopFor(result) };
      }
    }
    return { kind: "done", rejected };
  }

  /** Pulls by cursor; each page and its cursor are stored in one transaction. */
  async function pullChanges(): Promise<Stop | null> {
    let cursor = await stores.meta.getCursor();
    for (let page = 0; page < MAX_PULL_PAGES; page += 1) {
      const result = await transport.pull(cursor);
      // A refused pull loses no user data, so every failure is retried (or paused for sign-in).
      if (!isOk(result)) return stopFor(result);
      const parsed = parsePullResponse(result.body);
      if (!parsed.ok) return unreadableResponse(result);
      const { pull } = parsed;
      await stores.pull.apply({
        cursor: pull.cursor,
        reset: pull.resetRequired,
        ...groupChanges(pull.changes),
      });
      cursor = pull.cursor;
      if (!pull.hasMore) return null;
    }
    return null;
  }

  async function refreshPackIfDue(): Promise<Stop | null> {
    if (stores.pack === undefined) return null;
    const generatedAt = await stores.meta.getPackGeneratedAt();
    if (!packWanted && generatedAt !== null && clock.now() - generatedAt < PACK_MAX_AGE_MS)
      return null;
    const result = await transport.getPack();
    if (!isOk(result)) return stopFor(result);
    const pack = visitPackSchema.safeParse(result.body);
    if (!pack.success) return unreadableResponse(result);
    await stores.pack.replace(pack.data);
    packWanted = false;
    return null;
  }

  function syncError(message: string, httpStatus: number | null): SyncError {
    return { message, at: clock.now(), httpStatus };
  }

  function networkStop(): Stop {
    return { kind: "retry", isNetwork: true, error: syncError("网络不可用，恢复后自动同步", null) };
  }

  /** For failures that are not a rejection of the content. */
  function stopFor(result: TransportResult): Stop {
    if (result.kind === "network") return networkStop();
    if (classifyFailure(result) === "pause-auth") {
      return {
        kind: "needs-auth",
        error: syncError("登录已失效，请重新登录；未同步的数据都保留在本机", result.status),
      };
    }
    return {
      kind: "retry",
      isNetwork: false,
      error: syncError(`服务器暂时无法处理（HTTP ${result.status}），稍后自动重试`, result.status),
    };
  }

  /** A 2xx whose body is not what the protocol says: a captive Wi-Fi portal, or a proxy page. */
  function unreadableResponse(result: HttpResult): Stop {
    return {
      kind: "retry",
      isNetwork: false,
      error: syncError(`服务器响应无法识别（HTTP ${result.status}），稍后自动重试`, result.status),
    };
  }

  return {
    async start() {
      isStarted = true;
      await syncNow();
    },
    stop() {
      isStarted = false;
      clearRetry();
      if (snapshot.nextRetryAt !== null) publish({ nextRetryAt: null });
    },
    syncNow,
    refreshPack() {
      packWanted = true;
      return syncNow();
    },
    async notifyLocalChange() {
      if (running) {
        runAgain = true;
        return;
      }
      if (
        snapshot.status === "offline" ||
        snapshot.status === "backoff" ||
        snapshot.status === "needs-auth"
      ) {
        try {
          const counts = await stores.outbox.counts();
          publish({ pendingCount: counts.pending, rejectedCount: counts.rejected });
        } catch {
          // The next sync reports storage errors; a count is not worth a second report.
        }
        return;
      }
      await syncNow();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
  };
}

function isOk(result: TransportResult): result is HttpResult & { ok: true } {
  return result.kind === "http" && result.ok;
}

/**
 * The server's refusal when it sent one (code and Chinese message); else, for a body from something
 * in between (a proxy's page), the status says only that the content was refused.
 */
function rejectionOf(result: HttpResult): Refusal {
  const body = errorBodySchema.safeParse(result.body);
  return body.success
    ? refusal(body.data.error, body.data.message)
    : refusal("invalid_input", `服务器拒绝了此更改（HTTP ${result.status}）`);
}

/** A change whose photo the server refused: refused for the photo's reason. */
function photoRejection(entry: OutboxEntry, rejected: ReadonlyMap<PhotoId, Refusal>): Refusal {
  const photo = referencedPhotoIds(entry.mutation)
    .map((id) => rejected.get(id))
    .find((r) => r !== undefined);
  return photo
    ? refusal(photo.code, `照片未能上传：${photo.message}`)
    : refusal("invalid_input", "照片未能上传：服务器拒绝了照片");
}

function groupChanges(changes: readonly PullChange[]): Omit<PulledChanges, "cursor" | "reset"> {
  const visits: Visit[] = [];
  const answers: VisitAnswer[] = [];
  const items: RectificationItem[] = [];
  for (const change of changes) {
    switch (change.entity) {
      case "visit":
        visits.push(change.value);
        break;
      case "answer":
        answers.push(change.value);
        break;
      case "rectificationItem":
        items.push(change.value);
        break;
    }
  }
  return { visits, answers, items };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
