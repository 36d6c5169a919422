/**
 * The ids of applied sync mutations (processed_mutations): what makes a retried push a no-op. Only
 * APPLIED ids are recorded; a rejected mutation sent again is judged again (lib/sync/protocol.ts).
 */
import "server-only";

import { and, eq } from "drizzle-orm";

import type { Executor } from "../db/client";
import { processedMutations } from "../db/schema";

export const processedMutationRepository = {
  /** Whether `userId` already had mutation `id` applied; another user's equal id is a different mutation. */
  async isApplied(db: Executor, userId: string, id: string): Promise<boolean> {
    const rows = await db
      .select({ id: processedMutations.id })
      .from(processedMutations)
      .where(and(eq(processedMutations.userId, userId), eq(processedMutations.id, id)));
    return rows.length > 0;
  },

  /** Records an applied mutation, in the same transaction as its effects. */
  async record(
    db: Executor,
    mutation: { id: string; name: string },
    userId: string,
    appliedAt: number,
  ): Promise<void> {
    await db.insert(processedMutations).values({
      id: mutation.id,
      name: mutation.name,
      userId,
      appliedAt: new Date(appliedAt),
    });
  },
};
