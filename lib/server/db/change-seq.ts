/**
 * The change counter's claims: what lets writers of `change_seq` rows (visits, answers,
 * rectification items, templates …) run side by side while pull-by-cursor never skips a change
 * (docs/decisions/001-change-counter-and-its-lock.md).
 */
import "server-only";

import { and, gt, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import type { Executor } from "./client";

/**
 * Claims are shared advisory locks whose 64-bit key carries this tag in its top 16 bits and the
 * claimed counter value in the low 48 (2.8 × 10¹⁴ changes); the migration's change_seq_watermark()
 * decodes them from pg_locks. No other lock of the app has a key this large (client.ts uses 7_041_001).
 */
const CLAIM_TAG = 0x7041;

/**
 * Claims the change counter until the transaction ends. Call it in a transaction that writes
 * change_seq rows BEFORE its first `nextval('change_seq')`; calling it again (a nested service in a
 * savepoint) is harmless.
 *
 * Why: `nextval` hands out numbers at once, but rows become visible only at commit. Transaction A
 * can draw 7, B draw 8 and commit first; a pull that returned 8 with cursor 8 would never send row 7.
 * So a writer first records, as a shared advisory lock visible to every session, the last number
 * handed out so far: everything it draws afterwards is above it. A pull reads the counter, then the
 * claims (change_seq_watermark), and returns rows only up to the lowest claim, so the rows of every
 * writer still in flight lie above its cursor. Claims are shared locks nobody takes exclusively:
 * writers never wait for each other here, and reads never wait at all.
 */
export async function lockChangeSeq(tx: Executor): Promise<void> {
  await tx.execute(sql`
    SELECT pg_advisory_xact_lock_shared(
      (${CLAIM_TAG}::bigint << 48) | CASE WHEN is_called THEN last_value ELSE last_value - 1 END
    )
    FROM change_seq`);
}

/**
 * What a pull may return: `handedOut`, the last number the counter handed out (committed or not,
 * 0 before the first), and `watermark`, the highest number below which every row is committed or
 * never will be. Take it BEFORE the pull's snapshot (outside its transaction): every writer whose
 * claim was gone by then has committed or rolled back, so that snapshot sees all its rows.
 */
export async function changeSeqWatermark(
  db: Executor,
): Promise<{ handedOut: number; watermark: number }> {
  const result = await db.execute<{ handed_out: string | number; watermark: string | number }>(
    sql`SELECT handed_out, watermark FROM change_seq_watermark(${CLAIM_TAG})`,
  );
  const row = result.rows[0]!;
  return { handedOut: Number(row.handed_out), watermark: Number(row.watermark) };
}

/** A page of a table's change feed: rows with `from` < change_seq ≤ `to`, at most `limit` of them. */
export type SeqRange = { from: number; to: number; limit: number };

/** The condition of a SeqRange on a table's change_seq column. */
export function inSeqRange(column: AnyPgColumn, range: SeqRange): SQL | undefined {
  return and(gt(column, range.from), lte(column, range.to));
}
