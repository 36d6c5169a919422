"use client";

/**
 * Reading the stores for a screen. The screens that use this show stored data as they open, so
 * they take the stores' code statically (and hand it to openAppData); the visit page reads
 * without it (visit-reads.ts) and does not use this module.
 */
import { useEffect, useState } from "react";

import * as stores from "@/lib/offline/stores";

import {
  type AppData,
  openAppData,
  provideStores,
  storageErrorMessage,
  useDataVersion,
} from "./use-app-db";

provideStores(stores);

export type StoreQuery<T> =
  { status: "loading" } | { status: "ready"; value: T } | { status: "error"; message: string };

/**
 * Runs `load` against the stores, again whenever the data version changes, and keeps the last
 * value while re-reading. `load` must be stable (useCallback) or it runs on every render.
 */
export function useStoreQuery<T>(load: (data: AppData) => Promise<T>): StoreQuery<T> {
  const version = useDataVersion();
  const [state, setState] = useState<StoreQuery<T>>({ status: "loading" });
  useEffect(() => {
    let isCurrent = true;
    openAppData()
      .then(load)
      .then(
        (value) => {
          if (isCurrent) setState({ status: "ready", value });
        },
        (error: unknown) => {
          if (isCurrent) setState({ status: "error", message: storageErrorMessage(error) });
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [load, version]);
  return state;
}
