/**
 * Asking the browser to keep this site's data under storage pressure (navigator.storage.persist).
 * A module of its own: the hooks that save call it without loading the storage screen's hook.
 */

let persistRequested = false;

/**
 * Asks the browser to keep this site's data under storage pressure. Called after the first real
 * save (browsers grant it more readily to sites in use) and from the storage screen.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator !== "undefined" ? navigator.storage : undefined;
  if (!storage?.persist) return null;
  persistRequested = true;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** Once per page load, after a save. */
export function ensurePersistentStorage(): void {
  if (!persistRequested) void requestPersistentStorage();
}
