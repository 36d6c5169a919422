/**
 * People's display names for histories and lists. Only names: who may see which record is decided
 * before the ids get here (an event's actor is shown to whoever may see the event).
 */
import "server-only";

import { inArray } from "drizzle-orm";

import type { Executor } from "../db/client";
import { user as users } from "../db/schema";

export const userRepository = {
  /** id → name for the given ids; unknown ids are simply absent. */
  async namesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, unique));
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
