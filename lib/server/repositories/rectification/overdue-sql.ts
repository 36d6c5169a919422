/**
 * 逾期 in SQL, one rule for the ledger and the office's figures: lib/domain's `daysOverdue` as the
 * database function `rectification_days_overdue` (migration 0012) — open items count to today, a
 * report awaiting review to the day it came (`rectification_reported_on` of the item's response).
 */
import "server-only";

import { type AnyColumn, type SQL, sql } from "drizzle-orm";

type Operand = SQL | AnyColumn;

/** Whole days the school is past its due date on `today` (0 when not overdue). */
export function daysOverdueSql(
  row: { status: Operand; dueDate: Operand; reportedOn: Operand },
  today: string,
): SQL {
  return sql`rectification_days_overdue(${row.status}, ${row.dueDate}, ${row.reportedOn}, ${today}::date)`;
}

/** The China calendar day of the school's 整改报告, from an item's `response`. */
export function reportedOnSql(response: Operand): SQL {
  return sql`rectification_reported_on(${response})`;
}
