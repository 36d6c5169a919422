"use client";

import { useEffect, useSyncExternalStore } from "react";

import {
  endSnapshot,
  isSnapshotShown,
  onSnapshotEnd,
  SNAPSHOT_ROOT_ID,
  SNAPSHOT_SCRIPT,
} from "@/lib/hooks/visit-snapshot";

/** However the page fares, the copy never stands in for longer than this. */
const LONGEST_MS = 15_000;
const NO_HTML = { __html: "" };
const SCRIPT = { __html: SNAPSHOT_SCRIPT };

/**
 * Where a visit page shows its last screen while it starts (lib/hooks/visit-snapshot.ts): in the
 * static shell's HTML, an empty root and the inline script that fills it. React does not look
 * inside the root (its HTML is set, not rendered) and removes both once the live checklist takes
 * over, or at once when no snapshot was shown.
 */
export function VisitSnapshot() {
  const isShown = useSyncExternalStore(onSnapshotEnd, isSnapshotShown, () => true);
  useEffect(() => {
    if (!isShown) return;
    const timer = window.setTimeout(endSnapshot, LONGEST_MS);
    return () => clearTimeout(timer);
  }, [isShown]);
  if (!isShown) return null;
  return (
    <>
      <div id={SNAPSHOT_ROOT_ID} dangerouslySetInnerHTML={NO_HTML} suppressHydrationWarning />
      <script dangerouslySetInnerHTML={SCRIPT} />
    </>
  );
}
