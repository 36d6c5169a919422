/**
 * The sync status a tab shows before its engine has read anything. A module of its own so screens can
 * render it without loading the engine.
 */
import type { SyncSnapshot } from "./sync-engine";

export const IDLE_SNAPSHOT: SyncSnapshot = {
  status: "idle",
  pendingCount: 0,
  rejectedCount: 0,
  lastSyncAt: null,
  lastError: null,
  nextRetryAt: null,
};
