/**
 * Whole-database housekeeping for the start-up and the seed commands: whether the database is
 * still empty (nobody and no district yet), and emptying every table.
 */
import "server-only";

import { sql } from "drizzle-orm";

import type { Db, Executor } from "./client";

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(
    sql`SELECT (SELECT count(*) FROM "user") + (SELECT count(*) FROM districts) AS n`,
  );
  return Number(rows.rows[0]?.n ?? 0) === 0;
}

/** Empties every table (keeps the schema and migration history). */
export async function resetDatabase(db: Db): Promise<void> {
  const rows = await db.execute<{ tablename: string }>(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
  );
  const names = rows.rows.map((r) => `"${r.tablename}"`);
  if (names.length > 0)
    await db.execute(sql.raw(`TRUNCATE ${names.join(", ")} RESTART IDENTITY CASCADE`));
}
