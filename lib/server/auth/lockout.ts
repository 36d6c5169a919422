/**
 * Password throttling per account AND client: every endpoint that checks a password asks here first.
 * Failures are counted in a sliding window; past FREE_FAILURES each further failure doubles the wait
 * before that client may try that account again (capped at MAX_DELAY_S), and a right password clears
 * the client's count. Keyed by client as well, so a stranger's failures slow the stranger and never
 * lock the owner out of their own account. Rows live in PostgreSQL, so every instance sees them.
 */
import "server-only";

import type { Executor } from "../db/client";
import {
  type PasswordKey,
  passwordFailureRepository,
} from "../repositories/org/password-failure-repository";

export const FREE_FAILURES = 5;
export const WINDOW_MS = 60 * 60_000;
const BASE_DELAY_S = 30;
export const MAX_DELAY_S = 15 * 60;

/** The wait after `failures` failures in the window: 0 up to FREE_FAILURES, then 30 s, 60 s, … ≤ 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_S * 2 ** (failures - FREE_FAILURES), MAX_DELAY_S);
}

/** Seconds this client must still wait before its next password for this account is checked; 0 = now. */
export async function passwordWaitSeconds(
  db: Executor,
  key: PasswordKey,
  now: Date,
): Promise<number> {
  const row = await passwordFailureRepository.since(db, key, new Date(now.getTime() - WINDOW_MS));
  if (!row.last) return 0;
  const readyAt = new Date(row.last).getTime() + delayAfter(row.failures) * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}

export async function recordPasswordFailure(db: Executor, key: PasswordKey, now: Date) {
  // Rows past the window no longer count; drop this account's, so the table stays small.
  await passwordFailureRepository.record(db, key, now, new Date(now.getTime() - WINDOW_MS));
}

export async function clearPasswordFailures(db: Executor, key: PasswordKey): Promise<void> {
  await passwordFailureRepository.clear(db, key);
}

/** "3 分钟" / "40 秒", for the refusal message. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}
