/** Retry delays for sync: exponential with full jitter, capped. Pure; the caller supplies randomness. */

export const BASE_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 5 * 60 * 1_000;

/**
 * The wait before retry number `attempt` (0 = first retry): uniform in [0, min(cap, base·2^attempt)).
 * Full jitter spreads the retries of many phones that lost the network together (AWS architecture
 * blog, "Exponential Backoff And Jitter"). `random` is a draw in [0, 1).
 */
export function nextDelayMs(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, Math.floor(attempt)));
  const draw = Math.min(Math.max(random, 0), 1);
  return Math.min(Math.floor(draw * ceiling), ceiling - 1);
}
