/**
 * Failed password checks per account and client (password_failures), for the throttle in
 * lib/server/auth/lockout.ts. Rows live in PostgreSQL, so every instance sees them.
 */
import "server-only";

import { and, eq, gt, lt, sql } from "drizzle-orm";

import type { Executor } from "../../db/client";
import { passwordFailures } from "../../db/schema";

export type PasswordKey = { username: string; client: string };

export const passwordFailureRepository = {
  /** How many failures this client had for this account since `since`, and the last one's time. */
  async since(
    db: Executor,
    key: PasswordKey,
    since: Date,
  ): Promise<{ failures: number; last: Date | null }> {
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
          gt(passwordFailures.at, since),
        ),
      );
    return { failures: row?.failures ?? 0, last: row?.last ?? null };
  },

  /** Records a failure at `now` and drops the account's rows from before `windowStart`. */
  async record(db: Executor, key: PasswordKey, now: Date, windowStart: Date): Promise<void> {
    await db.insert(passwordFailures).values({ ...key, at: now });
    await db
      .delete(passwordFailures)
      .where(
        and(eq(passwordFailures.username, key.username), lt(passwordFailures.at, windowStart)),
      );
  },

  /** Forgets this client's failures for the account. */
  async clear(db: Executor, key: PasswordKey): Promise<void> {
    await db
      .delete(passwordFailures)
      .where(
        and(eq(passwordFailures.username, key.username), eq(passwordFailures.client, key.client)),
      );
  },
};
