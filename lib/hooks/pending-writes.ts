"use client";

/**
 * Edits not yet in IndexedDB: text waiting for the typist to pause, and writes in flight. Before
 * the page goes away on purpose (the update prompt reloads it) everything here is flushed and
 * awaited; when the page is hidden or closed, the waiting text is written at once.
 */

const flushers = new Set<() => void>();
const inFlight = new Set<Promise<unknown>>();
let isListening = false;

function flushText(): void {
  for (const flush of flushers) flush();
}

function listenForHide(): void {
  if (isListening || typeof window === "undefined") return;
  isListening = true;
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushText();
  });
  window.addEventListener("pagehide", flushText);
}

/** Registers a function that writes waiting text now; returns the unregister function. */
export function registerFlusher(flush: () => void): () => void {
  listenForHide();
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Tracks a write until it settles. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  inFlight.add(write);
  const forget = () => inFlight.delete(write);
  write.then(forget, forget);
  return write;
}

/** Writes waiting text and waits for every write in flight (failures are reported where they happen). */
export async function flushPendingWrites(): Promise<void> {
  flushText();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
