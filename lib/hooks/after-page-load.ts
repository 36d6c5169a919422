/**
 * Resolves after the page's load event and then the first idle moment (at most 3 s later), so
 * that background work — the sync engine, the service worker's registration — comes after a
 * screen's first frames.
 */
export function afterPageLoad(): Promise<void> {
  const loaded =
    document.readyState === "complete"
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          window.addEventListener("load", () => resolve(), { once: true }),
        );
  return loaded.then(() => new Promise<void>((resolve) => void whenIdle(resolve, 3_000)));
}

/**
 * Runs `task` at the browser's next idle moment, at most `timeoutMs` from now; in Safari, which
 * has no requestIdleCallback, after the current task. Returns what cancels it.
 */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/**
 * Resolves once the next frame has been produced, so that work started then does not hold up
 * what the inspector just did from showing; at once when the page is hidden (it draws no frames),
 * and after at most 100 ms however the frames go.
 */
export function afterNextFrame(): Promise<void> {
  if (document.visibilityState === "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}
