"use client";

/**
 * What the school and office rectification screens do, the only place they reach storage or the
 * server. The school's actions go through the phone's outbox, the inspector app's one mechanism:
 * the 整改报告 and its photos are stored in ONE IndexedDB transaction before anything is sent,
 * the photos are uploaded first, failures are retried with backoff, and a refusal stays on the
 * device with the server's reason. The office sits at a desk online and acts directly, seeing the
 * server's answer (e.g. "already handled by someone else") at once.
 */
import { useEffect, useSyncExternalStore } from "react";

import { rectificationContracts } from "@/lib/contracts/rectification";
import type { Id } from "@/lib/domain/ids";
import { actMutation } from "@/lib/domain/rectification/follow-up";
import type { RectificationAction } from "@/lib/domain/rectification/rectification.schema";
import { type Refused, refused } from "@/lib/domain/refusal";
import { IDLE_SNAPSHOT } from "@/lib/sync/idle-snapshot";
import {
  createSyncEngine,
  timerSchedule,
  type SyncEngine,
  type SyncSnapshot,
} from "@/lib/sync/sync-engine";
import { createTransport } from "@/lib/sync/transport";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { call } from "./api-client";
import { ensurePersistentStorage } from "./persistent-storage";
import {
  actionPhotoRecords,
  prepareActionPhoto,
  readQueuedActions as readQueued,
  type EvidencePhoto,
  type QueuedAction,
} from "./rectification-queue";
import { announceDataChanged, openAppData, storageErrorMessage, type AppData } from "./use-app-db";
import { useStoreQuery } from "./use-store-query";

/* ---------- the office: online, direct ---------- */

export type ActResult = { ok: true } | Refused;

/**
 * POST /api/rectification/items/{id}/actions. `expectedVersion` is the version on screen: if anyone
 * acted since, the server refuses (409) and changes nothing.
 */
export async function actOnItem(
  itemId: Id,
  action: RectificationAction,
  expectedVersion: number,
): Promise<ActResult> {
  const result = await call(rectificationContracts.act, {
    params: { id: itemId },
    body: { action, expectedVersion },
  });
  return result.ok ? { ok: true } : refused(result.code, result.message);
}

/* ---------- the school: through the outbox ---------- */

export { releaseEvidencePhoto, type EvidencePhoto, type QueuedAction } from "./rectification-queue";

/** Compresses, watermarks and hashes a camera photo; resolves to the photo or a Chinese error. */
export function prepareEvidencePhoto(
  file: File,
  watermark: { schoolName: string; takenBy: string },
): Promise<EvidencePhoto | string> {
  return prepareActionPhoto(file, {
    schoolName: watermark.schoolName,
    takenBy: `学校 ${watermark.takenBy}`,
  });
}

let engineCreating: Promise<SyncEngine> | null = null;
let snapshot: SyncSnapshot = IDLE_SNAPSHOT;
const snapshotListeners = new Set<() => void>();
/** Called when actions of this device reached the server (or were refused): the page is stale. */
const sentListeners = new Set<() => void>();
/** The school's actions last seen waiting on this device. */
let waiting = new Set<Id>();

async function waitingIds(data: AppData): Promise<Set<Id>> {
  const queued = await readQueued(data);
  return new Set(queued.filter((q) => q.status === "pending").map((q) => q.mutationId));
}

function schoolEngine(): Promise<SyncEngine> {
  engineCreating ??= openAppData().then(async (data) => {
    waiting = await waitingIds(data);
    const engine = createSyncEngine({
      stores: {
        ...data.stores,
        // The visit pack is the inspector's; a school has none to download, so it never is "due".
        meta: { ...data.stores.meta, getPackGeneratedAt: () => Promise.resolve(systemClock.now()) },
      },
      transport: createTransport(),
      clock: systemClock,
      schedule: timerSchedule,
      random: Math.random,
      locks: navigator.locks
        ? { request: (name, run) => navigator.locks.request(name, run) }
        : { request: (_name, run) => run() },
      newId,
    });
    engine.subscribe((next) => {
      const finished = snapshot.status === "syncing" && next.status !== "syncing";
      snapshot = next;
      for (const listener of snapshotListeners) listener();
      if (finished) void afterSync(data);
    });
    return engine;
  });
  return engineCreating;
}

async function afterSync(data: AppData): Promise<void> {
  announceDataChanged();
  const now = await waitingIds(data);
  const left = [...waiting].some((id) => !now.has(id));
  waiting = now;
  if (left) for (const listener of sentListeners) listener();
}

/** Sends what waits now, cancelling any backoff wait ("立即重试", the network came back). */
export function sendSchoolActionsNow(): void {
  void schoolEngine().then((engine) => engine.syncNow());
}

/**
 * Mount once on the school's pages: sends what waits in the outbox now, when the network returns
 * and when the page is shown again. `onSent` (stable) runs when actions of this device have left
 * the outbox — applied or refused — so the page can reload the server's view of the items.
 */
export function useSchoolSync(onSent: () => void): SyncSnapshot {
  useEffect(() => {
    void schoolEngine().then((engine) => engine.start());
    const onVisible = () => {
      if (document.visibilityState === "visible") sendSchoolActionsNow();
    };
    sentListeners.add(onSent);
    window.addEventListener("online", sendSchoolActionsNow);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      sentListeners.delete(onSent);
      window.removeEventListener("online", sendSchoolActionsNow);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [onSent]);
  return useSchoolSyncStatus();
}

/** The send state: syncing, offline, backing off, signed out, with counts. */
export function useSchoolSyncStatus(): SyncSnapshot {
  return useSyncExternalStore(
    (listener) => {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },
    () => snapshot,
    () => snapshot,
  );
}

/** This item's actions still on the device (waiting or refused), oldest first. */
export function useQueuedActions(itemId: Id): QueuedAction[] {
  const query = useStoreQuery(readQueued);
  return query.status === "ready" ? query.value.filter((q) => q.itemId === itemId) : [];
}

export type SchoolItemRef = { id: Id; version: number; visitId: Id };

/**
 * Stores the action with its photos and queues it, in one IndexedDB transaction, then sends it.
 * Resolves to a Chinese error when the device could not store it (nothing was queued then).
 */
export async function queueSchoolAction(
  item: SchoolItemRef,
  action: RectificationAction,
  photos: readonly EvidencePhoto[],
  takenBy: Id,
): Promise<string | null> {
  const now = systemClock.now();
  const mutation = actMutation(item, action, newId(), now);
  try {
    const { stores } = await openAppData();
    await stores.photos.saveAllWithMutation(
      actionPhotoRecords(photos, { visitId: item.visitId, takenBy, purpose: "evidence", now }),
      mutation,
    );
  } catch (error) {
    return storageErrorMessage(error);
  }
  waiting.add(mutation.id);
  ensurePersistentStorage();
  announceDataChanged();
  sendSchoolActionsNow();
  return null;
}

/**
 * Sends a refused action again against the item as it is now (its photos are still on the
 * device), then lets go of the refused copy. Use when the refusal was about timing, e.g. the item
 * changed meanwhile; the new copy may of course be refused too, with its own reason.
 */
export async function resubmitSchoolAction(
  queued: QueuedAction,
  item: SchoolItemRef,
  takenBy: Id,
): Promise<string | null> {
  const failure = await queueSchoolAction(item, queued.action, [], takenBy);
  if (failure !== null) return failure;
  await discardSchoolAction(queued);
  return null;
}

/** Gives up a refused action (never a waiting one: those are the school's unsent work). */
export async function discardSchoolAction(queued: QueuedAction): Promise<void> {
  const { stores } = await openAppData();
  await stores.outbox.discard([queued.mutationId]);
  announceDataChanged();
}
