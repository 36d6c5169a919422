/** Decides what a failed sync request means for the data behind it. Pure and table-tested. */

/** A request that did not succeed: no answer at all, or an HTTP status outside 2xx. */
export type TransportFailure = { kind: "network" } | { kind: "http"; status: number };

/**
 * - `retry`: the request may work later; keep everything and back off.
 * - `pause-auth`: the session is gone; stop, keep everything, ask the user to sign in.
 * - `reject`: the server refuses this content for good; keep it in the conflict list with the reason.
 */
export type FailureAction = "retry" | "pause-auth" | "reject";

/** Statuses that say the content itself is wrong (malformed, conflicting, too large, not an image). */
const REJECT_STATUSES: ReadonlySet<number> = new Set([400, 409, 413, 415, 422]);

export function classifyFailure(failure: TransportFailure): FailureAction {
  if (failure.kind === "network") return "retry";
  if (failure.status === 401 || failure.status === 403) return "pause-auth";
  if (REJECT_STATUSES.has(failure.status)) return "reject";
  // 408, 429, 5xx — and anything unexpected (404 or 3xx from a proxy or a captive Wi-Fi portal):
  // the request failed, not the data, so never turn the user's work into a rejection for it.
  return "retry";
}
