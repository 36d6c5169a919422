/**
 * Per-username sign-in lockout: after MAX_FAILURES wrong passwords in a row the account is locked for
 * LOCK_MINUTES. Counting by username (not IP) is what stops a password-guessing run against one account.
 */
import "server-only";

import { eq, sql } from "drizzle-orm";

import type { Executor } from "../db/client";
import { signInFailures } from "../db/schema";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export async function isLockedOut(db: Executor, username: string, now: Date): Promise<boolean> {
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.username, username));
  return row?.lockedUntil != null && row.lockedUntil > now;
}

export async function recordSignInFailure(
  db: Executor,
  username: string,
  now: Date,
): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db
    .insert(signInFailures)
    .values({ username, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInFailures.username,
      set: {
        failures: sql`${signInFailures.failures} + 1`,
        lockedUntil: sql`CASE WHEN ${signInFailures.failures} + 1 >= ${MAX_FAILURES} THEN ${lockUntil} ELSE ${signInFailures.lockedUntil} END`,
        updatedAt: now,
      },
    });
}

export async function clearSignInFailures(db: Executor, username: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.username, username));
}
