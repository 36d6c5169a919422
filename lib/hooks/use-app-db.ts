"use client";

/**
 * One open IndexedDB database and its stores per tab, shared by every hook, and the signals that
 * tell screens to re-read it: after a sync (pulled changes, upload states) and after edits made in
 * another tab. A screen's own edits update its state directly and are not re-read.
 */
import { useSyncExternalStore } from "react";

import { openAppDb, type AppDb } from "@/lib/offline/db";
import { loadRecordSchemas } from "@/lib/offline/load-record-schemas";
import type * as storesExports from "@/lib/offline/stores";
import type { AppStores } from "@/lib/offline/stores";

import { afterPageLoad } from "./after-page-load";

export type AppData = { db: AppDb; stores: AppStores };

/**
 * Why this tab cannot use the database until the inspector acts: another tab holds an older
 * version open ("blocked": close it), or a newer version in another tab took the database over
 * ("reload": this page must reload). Nothing typed is lost either way: every edit was written
 * when it was made.
 */
export type StorageNotice = "blocked" | "reload" | null;

let opening: Promise<AppDb> | null = null;
let notice: StorageNotice = null;
const noticeListeners = new Set<() => void>();
const storesOf = new WeakMap<AppDb, AppStores>();

function setNotice(next: StorageNotice): void {
  notice = next;
  for (const listener of noticeListeners) listener();
}

/** The tab's database, opened on first use (and again after the browser closed it). */
export function openDatabase(): Promise<AppDb> {
  opening ??= openAppDb({
    onBlocked: () => setNotice("blocked"),
    onVersionChange: () => {
      opening = null;
      setNotice("reload");
    },
    onTerminated: () => {
      opening = null;
    },
  }).then(
    (db) => {
      if (notice === "blocked") setNotice(null);
      return db;
    },
    (error: unknown) => {
      opening = null;
      throw error;
    },
  );
  return opening;
}

type StoresModule = typeof storesExports;
let storesModule: StoresModule | null = null;
let schemasPreload: Promise<unknown> | null = null;

/**
 * Screens that show stored data as they open (useStoreQuery) bring the stores' code with their own
 * and hand it over here, so that openAppData does not fetch it after them.
 */
export function provideStores(module: StoresModule): void {
  storesModule ??= module;
}

/**
 * The database with its stores. Their code is loaded on first use: opening a visit reads without
 * them (visit-reads.ts). They read with a cheap check and bring the schemas they validate writes
 * with (zod) on their first write, fetched here once the page has loaded so that a tap does not
 * wait for them.
 */
export async function openAppData(): Promise<AppData> {
  // A failure is tried again by the first write.
  schemasPreload ??= afterPageLoad()
    .then(loadRecordSchemas)
    .catch(() => undefined);
  const [db, { createAppStores }] = await Promise.all([
    openDatabase(),
    storesModule ?? import("@/lib/offline/stores"),
  ]);
  let stores = storesOf.get(db);
  if (!stores) {
    stores = createAppStores(db);
    storesOf.set(db, stores);
  }
  return { db, stores };
}

export function useStorageNotice(): StorageNotice {
  return useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    () => notice,
    () => null,
  );
}

/* ---------- data version: when to re-read ---------- */

let dataVersion = 0;
const versionListeners = new Set<() => void>();
const localWriteListeners = new Set<() => void>();
const CHANNEL_NAME = "duxue-data";
let channel: BroadcastChannel | null = null;

function bumpDataVersion(): void {
  dataVersion += 1;
  for (const listener of versionListeners) listener();
}

function tabChannel(): BroadcastChannel | null {
  if (channel === null && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(CHANNEL_NAME);
    channel.onmessage = bumpDataVersion;
  }
  return channel;
}

/** The stored data changed under the screens (a sync pulled or uploaded something): re-read. */
export function announceDataChanged(): void {
  bumpDataVersion();
  tabChannel()?.postMessage("changed");
}

/**
 * A local edit was stored: wakes the sync trigger and tells other tabs to re-read. This tab's
 * screens already show the edit, so they are not re-read.
 */
export function announceLocalWrite(): void {
  for (const listener of localWriteListeners) listener();
  tabChannel()?.postMessage("changed");
}

export function onLocalWrite(listener: () => void): () => void {
  localWriteListeners.add(listener);
  return () => localWriteListeners.delete(listener);
}

/** A counter that changes whenever screens should re-read the database. */
export function useDataVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      tabChannel();
      versionListeners.add(listener);
      return () => versionListeners.delete(listener);
    },
    () => dataVersion,
    () => 0,
  );
}

/** What to tell the inspector when the phone's storage fails; the data itself stays put. */
export function storageErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "QuotaExceededError")
    return "手机存储空间已满，请清理空间后重试（已保存的数据不受影响）";
  if (name === "InvalidStateError" || name === "SecurityError")
    return "浏览器不允许本页使用本机存储（可能处于无痕模式），数据无法离线保存";
  return `本机存储出错：${error instanceof Error ? error.message : String(error)}`;
}
