/**
 * Password throttling per account AND client: every endpoint that checks a password asks here first.
 * Failures are counted in a sliding window; past FREE_FAILURES each further failure doubles the wait
 * before that client may try that account again (capped at MAX_DELAY_S), and a right password clears
 * the client's count. Keyed by client as well, so a stranger's failures slow the stranger and never
 * lock the owner out of their own account. Rows live in PostgreSQL, so every instance sees them.
 */
import "server-only";

import { and, eq, gt, lt, sql } from "drizzle-orm";

import type { Executor } from "../db/client";
import { passwordFailures } from "../db/schema";

export const FREE_FAILURES = 5;
export const WINDOW_MS = 60 * 60_000;
const BASE_DELAY_S = 30;
export const MAX_DELAY_S = 15 * 60;

type Key = { username: string; client: string };

/** The wait after `failures` failures in the window: 0 up to FREE_FAILURES, then 30 s, 60 s, … ≤ 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_S * 2 ** (failures - FREE_FAILURES), MAX_DELAY_S);
}

/** Seconds this client must still wait before its next password for this account is checked; 0 = now. */
export async function passwordWaitSeconds(db: Executor, key: Key, now: Date): Promise<number> {
  const [row] = await db
    .select({
      failures: sql<number>`count(*)::int`,
      last: sql<Date | null>`max(${passwordFailures.at})`,
    })
    .from(passwordFailures)
    .where(
      and(
        eq(passwordFailures.username, key.username),
        eq(passwordFailures.client, key.client),
        gt(passwordFailures.at, new Date(now.getTime() - WINDOW_MS)),
      ),
    );
  if (!row?.last) return 0;
  const readyAt = new Date(row.last).getTime() + delayAfter(row.failures) * 1000;
  return Math.max(0, Math.ceil((readyAt - now.getTime()) / 1000));
}

export async function recordPasswordFailure(db: Executor, key: Key, now: Date): Promise<void> {
  await db.insert(passwordFailures).values({ ...key, at: now });
  // Rows past the window no longer count; drop this account's, so the table stays small.
  await db
    .delete(passwordFailures)
    .where(
      and(
        eq(passwordFailures.username, key.username),
        lt(passwordFailures.at, new Date(now.getTime() - WINDOW_MS)),
      ),
    );
}

export async function clearPasswordFailures(db: Executor, key: Key): Promise<void> {
  await db
    .delete(passwordFailures)
    .where(
      and(eq(passwordFailures.username, key.username), eq(passwordFailures.client, key.client)),
    );
}

/** "3 分钟" / "40 秒", for the refusal message. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}
