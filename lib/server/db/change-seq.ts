/**
 * The one lock every transaction takes before it writes a row with a `change_seq` (visits, answers,
 * rectification items, templates …). It exists so that pull-by-cursor never skips a change.
 */
import "server-only";

import { sql } from "drizzle-orm";

import type { Executor } from "./client";

/** Any constant distinct from the other advisory locks of the app (client.ts uses 7_041_001). */
const CHANGE_SEQ_LOCK_KEY = 7_041_002;

/**
 * Takes the change-counter lock until the transaction ends. Call it FIRST in a transaction that
 * writes change_seq rows, before any row lock, so that no two writers can wait on each other.
 *
 * Why: `nextval('change_seq')` hands out numbers at once, but rows become visible only at commit.
 * Without the lock, transaction A can draw 7, B draw 8 and commit first; a pull then returns 8 with
 * cursor 8, and row 7, committed a moment later, is never sent to that phone. With the lock, a
 * writer draws its numbers only after the previous writer has committed (PostgreSQL makes a
 * transaction visible before it releases its locks), so every snapshot sees a gap-free prefix of
 * the numbers and a cursor can only be passed by rows that are already visible.
 *
 * The lock is reentrant within a transaction: a nested service that takes it again (in a
 * savepoint) simply holds it once more. It serialises writers of synced data only; reads never wait.
 */
export async function lockChangeSeq(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_SEQ_LOCK_KEY})`);
}
