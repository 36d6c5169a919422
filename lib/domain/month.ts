/**
 * Calendar months (China time): the unit of 一月一排名一通报 and of the monthly 挂牌督导 rule. One
 * label and the conversions every caller needs; the instants a month runs between are
 * `chinaDayBounds` (dates.ts) of its `monthDays`. Its schema is month.schema.ts: this module stays
 * free of zod, because the inspector's school list orders by months (issue #10).
 */
import { addDays, toChinaDate } from "./dates";
import type { DateString } from "./visit/answer.schema";

/** "2026-03" (monthSchema checks it). */
export type Month = string;

/** The month a China date falls in. */
export function monthOf(date: DateString): Month {
  return date.slice(0, 7);
}

/** The China calendar month at an instant. */
export function monthAt(epochMs: number): Month {
  return monthOf(toChinaDate(epochMs));
}

/** The month after `month`. */
export function nextMonth(month: Month): Month {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

/** The month before `month`. */
export function previousMonth(month: Month): Month {
  return monthOf(addDays(`${month}-01`, -1));
}

/** The first and last day of a month (inclusive). */
export function monthDays(month: Month): { from: DateString; to: DateString } {
  return { from: `${month}-01`, to: addDays(`${nextMonth(month)}-01`, -1) };
}

/** "2026年3月". */
export function monthLabel(month: Month): string {
  const [year, m] = month.split("-").map(Number);
  return `${year}年${m}月`;
}
