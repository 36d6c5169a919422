/**
 * "From date … to date" filters over a timestamp column: the China calendar days `from` to `to`
 * (inclusive) as one condition, the bounds from `chinaDayBounds` (lib/domain/dates.ts).
 */
import "server-only";

import { type AnyColumn, type SQL, sql } from "drizzle-orm";

import { chinaDayBounds } from "@/lib/domain/dates";
import type { DateString } from "@/lib/domain/visit/answer.schema";

/** `column` falls on the China days `from` … `to`; undefined when neither side is given. */
export function withinChinaDays(column: AnyColumn | SQL, from: DateString, to: DateString): SQL;
export function withinChinaDays(
  column: AnyColumn | SQL,
  from: DateString | undefined,
  to: DateString | undefined,
): SQL | undefined;
export function withinChinaDays(
  column: AnyColumn | SQL,
  from: DateString | undefined,
  to: DateString | undefined,
): SQL | undefined {
  const { start, end } = chinaDayBounds(from, to);
  const parts: SQL[] = [];
  if (start !== undefined)
    parts.push(sql`${column} >= ${new Date(start).toISOString()}::timestamptz`);
  if (end !== undefined) parts.push(sql`${column} < ${new Date(end).toISOString()}::timestamptz`);
  return parts.length === 0 ? undefined : sql`(${sql.join(parts, sql` and `)})`;
}
