"use client";

/**
 * The visits on the phone with their sync state, and the conflict list (./conflicts.ts): changes
 * the server refused, kept with its refusal until the inspector retries or discards them.
 */
import { useCallback } from "react";

import type { Id } from "@/lib/domain/ids";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import type { UploadState } from "@/lib/offline/db-schema";
import type { ImportResult } from "@/lib/offline/export";
import { SYNC_LOCK_NAME } from "@/lib/sync/lock-name";
import { systemClock } from "@/lib/utils/clock";

import { listConflicts } from "./conflicts";
import { announceDataChanged, openAppData, storageErrorMessage, type AppData } from "./use-app-db";
import { useStoreQuery } from "./use-store-query";
import { syncNow } from "./use-sync";

export type LocalVisit = {
  visit: Visit;
  schoolName: string;
  /** Changes of this visit not yet confirmed by the server. */
  pendingCount: number;
  /** Changes of this visit the server refused (in the conflict list). */
  rejectedCount: number;
  photos: Record<UploadState, number>;
};

const loadLocalVisits = async ({ stores }: AppData): Promise<LocalVisit[]> => {
  const [visits, schools] = await Promise.all([stores.visits.list(), stores.pack.listSchools()]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return Promise.all(
    visits.map(async (visit) => {
      const [counts, photos] = await Promise.all([
        stores.outbox.countsForVisit(visit.id),
        stores.photos.listForVisit(visit.id),
      ]);
      const byState: Record<UploadState, number> = { pending: 0, uploaded: 0, rejected: 0 };
      for (const photo of photos) byState[photo.uploadState] += 1;
      return {
        visit,
        schoolName: names.get(visit.schoolId) ?? "（学校不在检查包中）",
        pendingCount: counts.pending,
        rejectedCount: counts.rejected,
        photos: byState,
      };
    }),
  );
};

export function useLocalVisits() {
  return useStoreQuery(loadLocalVisits);
}

const loadConflicts = ({ stores }: AppData) => listConflicts(stores);

export function useConflicts() {
  const query = useStoreQuery(loadConflicts);
  const retry = useCallback(async (ids: readonly Id[]) => {
    const { stores } = await openAppData();
    await stores.outbox.retry(ids);
    announceDataChanged();
    await syncNow();
  }, []);
  const discard = useCallback(async (ids: readonly Id[]) => {
    const { stores } = await openAppData();
    await stores.outbox.discard(ids);
    announceDataChanged();
    await syncNow();
  }, []);
  return { query, retry, discard };
}

export type AbandonResult = { ok: true; withdrawn: number } | { ok: false; reason: string };

/**
 * Abandons a draft: withdraws its queued mutations and removes it from the phone. It waits for the
 * sync lock, so a push already carrying some of them finishes first (those stay on the server) and
 * no later push can pick the rest up. Where the browser has no Web Locks, one tab syncs unguarded
 * anyway, and an entry in flight that is also withdrawn is just answered for nothing.
 */
export async function abandonDraftVisit(visitId: Id): Promise<AbandonResult> {
  try {
    const { stores } = await openAppData();
    const abandon = () => stores.visits.abandonDraft(visitId);
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    const result = locks ? await locks.request(SYNC_LOCK_NAME, abandon) : await abandon();
    if (result.ok) announceDataChanged();
    return result;
  } catch (error) {
    return { ok: false, reason: storageErrorMessage(error) };
  }
}

/** The rescue file's code, loaded when the inspector saves or reads one: not with the screens. */
function loadRescueFile() {
  return import("@/lib/offline/export");
}

/** The rescue file: everything the server has not confirmed, as JSON text. */
export async function exportUnsyncedFile(): Promise<
  { ok: true; text: string } | { ok: false; reason: string }
> {
  try {
    const [{ db }, { exportUnsynced }] = await Promise.all([openAppData(), loadRescueFile()]);
    return { ok: true, text: await exportUnsynced(db, systemClock.now()) };
  } catch (error) {
    return { ok: false, reason: storageErrorMessage(error) };
  }
}

/** Reads a rescue file back in and queues its changes for sync. */
export async function importUnsyncedFile(text: string): Promise<ImportResult> {
  try {
    const [{ db }, { importUnsynced }] = await Promise.all([openAppData(), loadRescueFile()]);
    const result = await importUnsynced(db, text);
    if (result.ok) {
      announceDataChanged();
      void syncNow();
    }
    return result;
  } catch (error) {
    return { ok: false, reason: storageErrorMessage(error) };
  }
}
