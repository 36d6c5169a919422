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
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === "function")
          requestIdleCallback(() => resolve(), { timeout: 3_000 });
        else setTimeout(resolve, 0);
      }),
  );
}
