"use client";

/**
 * Storage health for the 同步与存储 screen: whether the browser promised to keep this site's data
 * (navigator.storage.persist), how much space it uses, what is not yet on the server, the last
 * successful sync, and whether an iPhone should be told to install the app.
 */
import { useCallback, useEffect, useState } from "react";

import { needsIosInstall } from "@/lib/utils/platform";

import { requestPersistentStorage } from "./persistent-storage";
import { useSyncStatus } from "./use-sync";

export type StorageFacts = {
  /** null = the browser cannot say (no StorageManager). */
  isPersisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
  shouldInstallOnIos: boolean;
};

const UNKNOWN: StorageFacts = {
  isPersisted: null,
  usageBytes: null,
  quotaBytes: null,
  shouldInstallOnIos: false,
};

async function readFacts(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  const [isPersisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  const isStandalone =
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return {
    isPersisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    shouldInstallOnIos: needsIosInstall({
      userAgent: navigator.userAgent,
      maxTouchPoints: navigator.maxTouchPoints,
      isStandalone,
    }),
  };
}

export function useStorageHealth() {
  const sync = useSyncStatus();
  const [facts, setFacts] = useState<StorageFacts>(UNKNOWN);

  const [checkedAt, setCheckedAt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void readFacts().then((next) => {
      if (isCurrent) setFacts(next);
    });
    return () => {
      isCurrent = false;
    };
  }, [checkedAt, sync.lastSyncAt, sync.pendingCount]);

  const requestPersist = useCallback(async () => {
    await requestPersistentStorage();
    setCheckedAt(Date.now());
  }, []);

  return {
    ...facts,
    pendingCount: sync.pendingCount,
    rejectedCount: sync.rejectedCount,
    lastSyncAt: sync.lastSyncAt,
    lastError: sync.lastError,
    status: sync.status,
    requestPersist,
  };
}
