"use client";

/**
 * Registers the service worker (public/sw.js, built from app/sw.ts) and tells when a new version
 * is waiting. The new version takes over only when the inspector taps "更新": waiting edits are
 * written first, then the page reloads under the new worker. Nothing is discarded: every edit is
 * in IndexedDB, which an app update never touches.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Workbox } from "workbox-window";

import { afterPageLoad } from "./after-page-load";
import { flushPendingWrites } from "./pending-writes";

export const SERVICE_WORKER_URL = "/sw.js";

export function useServiceWorker() {
  const workbox = useRef<Workbox | null>(null);
  const [isUpdateWaiting, setIsUpdateWaiting] = useState(false);
  const [isUpdating, setIsUpdating] = useState(false);

  useEffect(() => {
    // `next dev` has no built worker, and a worker caching dev bundles would only confuse.
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let isCurrent = true;
    // Pages of the app switch without reloading, so look for a new version when the app comes back.
    const checkForUpdate = () => {
      if (document.visibilityState === "visible" && navigator.onLine)
        void workbox.current?.update();
    };
    // Registered once the page is idle: on a phone the visit's first question comes first (issue #10).
    void afterPageLoad()
      .then(() => import("workbox-window"))
      .then(({ Workbox }) => {
        if (!isCurrent) return;
        const wb = new Workbox(SERVICE_WORKER_URL, { scope: "/" });
        wb.addEventListener("waiting", () => setIsUpdateWaiting(true));
        workbox.current = wb;
        void wb.register();
      });
    document.addEventListener("visibilitychange", checkForUpdate);
    return () => {
      isCurrent = false;
      document.removeEventListener("visibilitychange", checkForUpdate);
    };
  }, []);

  const applyUpdate = useCallback(async () => {
    const wb = workbox.current;
    if (!wb) return;
    setIsUpdating(true);
    await flushPendingWrites();
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  }, []);

  return { isUpdateWaiting, isUpdating, applyUpdate };
}
