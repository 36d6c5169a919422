/**
 * How the rectification service says no: an HTTP status and a Chinese reason, the same for the REST
 * routes and the sync push (where the reason becomes a rejected mutation's reason).
 */
import "server-only";

export type FailureStatus = 403 | 404 | 409 | 422 | 429;
export type Failure = { ok: false; status: FailureStatus; reason: string };

export function failure(status: FailureStatus, reason: string): Failure {
  return { ok: false, status, reason };
}
