"use client";

/**
 * The one client sync runtime: one engine per tab, started once by the frame of the surface that
 * syncs (the inspector app, the school's pages), and its status for the screens. Triggers: app
 * start, the `online` event, the page becoming visible, a pause after local edits, and "立即同步".
 * Tabs take turns through a Web Lock (inside the engine). The surfaces differ only in what the
 * runtime refreshes: the inspector's device keeps a visit pack and its photos, a school's has none.
 */
import { useEffect, useSyncExternalStore } from "react";

import { IDLE_SNAPSHOT } from "@/lib/sync/idle-snapshot";
import type { SyncEngine, SyncLocks, SyncSnapshot } from "@/lib/sync/sync-engine";
import { systemClock } from "@/lib/utils/clock";

import { afterPageLoad } from "./after-page-load";
import { announceDataChanged, onLocalWrite, openAppData } from "./use-app-db";

export type { SyncSnapshot, SyncStatus } from "@/lib/sync/sync-engine";

/** Pause after the last local edit before syncing: a burst of taps goes in one push. */
export const LOCAL_WRITE_SYNC_DELAY_MS = 2_000;

let snapshot = IDLE_SNAPSHOT;
const listeners = new Set<() => void>();
let creating: Promise<SyncEngine> | null = null;
let isStarted = false;
/** Set by the frame that mounts the triggers, before the engine is made (it waits for the page). */
let surface: SyncSurface = "inspector";
/** Run when work of this device left the outbox, applied or refused: server views are stale. */
const sentListeners = new Set<() => void>();

export type SyncSurface = "inspector" | "school";

/** navigator.locks where the browser has it (Safari ≥ 15.4); one tab is all that can run otherwise. */
function browserLocks(): SyncLocks {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks
    ? { request: (name, run) => locks.request(name, run) }
    : { request: (_name, run) => run() };
}

/**
 * The engine's code (the loop, the protocol's response schemas, the transport, id generation) is
 * loaded on first use, after the page has loaded and gone idle: background work that the first
 * paint does not wait for.
 */
function loadEngineModules() {
  return afterPageLoad().then(() =>
    Promise.all([
      import("@/lib/sync/sync-engine"),
      import("@/lib/sync/transport"),
      import("@/lib/utils/ids"),
      import("@/lib/sync/pack-photos"),
      import("@/lib/domain/rectification/follow-up"),
    ]),
  );
}

function engine(): Promise<SyncEngine> {
  // The stores too wait for the page (openAppData loads their code): the first frame needs neither.
  creating ??= loadEngineModules().then(async (modules) => {
    const { stores } = await openAppData();
    const [
      { createSyncEngine, timerSchedule },
      { createTransport },
      { newId },
      { keepPackPhotos },
      { followUpPhotoIds },
    ] = modules;
    const hasPack = surface === "inspector";
    const created = createSyncEngine({
      stores: hasPack ? stores : { ...stores, pack: undefined },
      transport: createTransport(),
      clock: systemClock,
      schedule: timerSchedule,
      random: Math.random,
      locks: browserLocks(),
      newId,
      isOnline: () => navigator.onLine,
      keepPackPhotos: hasPack
        ? async () => keepPackPhotos(followUpPhotoIds(await stores.pack.listOpenItems()))
        : undefined,
    });
    created.subscribe((next) => {
      const finished = snapshot.status === "syncing" && next.status !== "syncing";
      const sent =
        finished &&
        (next.pendingCount < snapshot.pendingCount || next.rejectedCount > snapshot.rejectedCount);
      snapshot = next;
      for (const listener of listeners) listener();
      // A sync may have pulled changes or uploaded photos: screens re-read.
      if (finished) announceDataChanged();
      if (sent) for (const listener of sentListeners) listener();
    });
    return created;
  });
  // Storage unusable (private mode, disk error): the screens say so; try again on the next trigger.
  creating.catch(() => {
    creating = null;
  });
  return creating;
}

/**
 * Syncs now, cancelling any backoff wait (the "立即同步" button, after submit). Never rejects, like
 * the engine: failures show in the status.
 */
export async function syncNow(): Promise<void> {
  await (await engine().catch(() => null))?.syncNow();
}

/** Downloads the visit pack now (after pushing pending edits). Never rejects. */
export async function refreshPack(): Promise<void> {
  await (await engine().catch(() => null))?.refreshPack();
}

/**
 * Mount once per tab, in the frame of the surface that syncs: starts the engine and wires the
 * triggers. `onSent` (stable) runs when work of this device has left the outbox — applied or
 * refused — so a page showing the server's view can reload it.
 */
export function useSyncTriggers(
  options: { surface?: SyncSurface; onSent?: () => void } = {},
): void {
  const { surface: mounted = "inspector", onSent } = options;
  useEffect(() => {
    surface = mounted;
    if (onSent) sentListeners.add(onSent);
    let debounce: ReturnType<typeof setTimeout> | null = null;
    const run = (action: (e: SyncEngine) => Promise<void>) => {
      engine().then(action, () => undefined);
    };
    if (!isStarted) {
      isStarted = true;
      run((e) => e.start());
    }
    const onOnline = () => run((e) => e.syncNow());
    const onVisible = () => {
      if (document.visibilityState === "visible") run((e) => e.syncNow());
    };
    const stopListening = onLocalWrite(() => {
      if (debounce !== null) clearTimeout(debounce);
      debounce = setTimeout(() => run((e) => e.notifyLocalChange()), LOCAL_WRITE_SYNC_DELAY_MS);
    });
    window.addEventListener("online", onOnline);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      if (debounce !== null) clearTimeout(debounce);
      if (onSent) sentListeners.delete(onSent);
      stopListening();
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [mounted, onSent]);
}

/** The engine's status, counts, last sync and last error, as the engine reports them. */
export function useSyncStatus(): SyncSnapshot {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      engine().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    () => snapshot,
    () => IDLE_SNAPSHOT,
  );
}
