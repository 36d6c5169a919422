/**
 * The ids of applied sync mutations (processed_mutations): what makes a retried push a no-op. Only
 * APPLIED ids are recorded; a rejected mutation sent again is judged again (lib/sync/protocol.ts).
 */
import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { anyOf } from "../db/any-of";
import type { Executor } from "../db/client";
import { processedMutations } from "../db/schema";

/** Key of the per-user push lock (two-int advisory key: apart from the app's one-int keys). */
const PUSHER_LOCK_KEY = 7_041_003;

export const processedMutationRepository = {
  /**
   * Holds the user's push lock until the transaction ends, so the user's pushes apply one at a
   * time and each sees the ids the one before it recorded.
   */
  async lockUser(db: Executor, userId: string): Promise<void> {
    await db.execute(sql`SELECT pg_advisory_xact_lock(${PUSHER_LOCK_KEY}, hashtext(${userId}))`);
  },

  /** Which of `ids` were already applied for `userId`; another user's equal id is a different mutation. */
  async appliedAmong(db: Executor, userId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: processedMutations.id })
      .from(processedMutations)
      .where(and(eq(processedMutations.userId, userId), anyOf(processedMutations.id, ids, "uuid")));
    return new Set(rows.map((r) => r.id));
  },

  /** Records applied mutations, in the same transaction as their effects. */
  async record(
    db: Executor,
    mutations: readonly { id: string; name: string }[],
    userId: string,
    appliedAt: number,
  ): Promise<void> {
    if (mutations.length === 0) return;
    await db.insert(processedMutations).values(
      mutations.map((mutation) => ({
        id: mutation.id,
        name: mutation.name,
        userId,
        appliedAt: new Date(appliedAt),
      })),
    );
  },
};
