"use client";

/**
 * What the school and office rectification screens do, the only place they reach storage or the
 * server. The school's actions go through the phone's outbox, the inspector app's one mechanism:
 * the 整改报告 and its photos are stored in ONE IndexedDB transaction before anything is sent,
 * the photos are uploaded first, failures are retried with backoff, and a refusal stays on the
 * device with the server's reason. The office sits at a desk online and acts directly, seeing the
 * server's answer (e.g. "already handled by someone else") at once.
 */
import { rectificationContracts } from "@/lib/contracts/rectification";
import type { Id } from "@/lib/domain/ids";
import type {
  RectificationAction,
  RectificationActor,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { type Refused, refused } from "@/lib/domain/refusal";

import { call } from "./api-client";
import {
  prepareActionPhoto,
  queueRectificationAction,
  readQueuedActions as readQueued,
  type EvidencePhoto,
  type QueuedAction,
} from "./rectification-queue";
import { announceDataChanged, openAppData } from "./use-app-db";
import { useStoreQuery } from "./use-store-query";
import { type SyncSnapshot, useSyncStatus, useSyncTriggers } from "./use-sync";

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

/**
 * Mount once in the school's frame: the tab's sync runtime for a school (no visit pack). `onSent`
 * (stable) runs when actions of this device have left the outbox — applied or refused — so the
 * page can reload the server's view of the items.
 */
export function useSchoolSync(onSent: () => void): SyncSnapshot {
  useSyncTriggers({ surface: "school", onSent });
  return useSyncStatus();
}

/** This item's actions still on the device (waiting or refused), oldest first. */
export function useQueuedActions(itemId: Id): QueuedAction[] {
  const query = useStoreQuery(readQueued);
  return query.status === "ready" ? query.value.filter((q) => q.itemId === itemId) : [];
}

/** The school's account as the domain judges it. */
export function schoolActor(account: { userId: Id; schoolId: Id }): RectificationActor {
  return {
    userId: account.userId,
    role: "school",
    schoolId: account.schoolId,
    inspectsSchool: false,
  };
}

/**
 * Judges the action on the item as the school sees it, then stores it with its photos and queues it
 * (rectification-queue.ts). Resolves to a Chinese error when refused or when the device could not
 * store it (nothing was queued then).
 */
export function queueSchoolAction(
  item: RectificationItem,
  action: RectificationAction,
  photos: readonly EvidencePhoto[],
  account: { userId: Id; schoolId: Id },
): Promise<string | null> {
  return queueRectificationAction({
    item,
    action,
    actor: schoolActor(account),
    photos,
    purpose: "evidence",
    keepsItem: false,
  });
}

/**
 * Sends a refused action again against the item as it is now (its photos are still on the
 * device), then lets go of the refused copy. Use when the refusal was about timing, e.g. the item
 * changed meanwhile; the new copy may of course be refused too, with its own reason.
 */
export async function resubmitSchoolAction(
  queued: QueuedAction,
  item: RectificationItem,
  account: { userId: Id; schoolId: Id },
): Promise<string | null> {
  const failure = await queueSchoolAction(item, queued.action, [], account);
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
