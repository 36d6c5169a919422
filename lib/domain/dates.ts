import type { DateString } from "./visit/answer.schema";

/** China is UTC+8 all year (no DST), so a fixed offset turns an instant into the local calendar date. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in China at an instant: due dates and notice dates are China dates. */
export function toChinaDate(epochMs: number): DateString {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: DateString, days: number): DateString {
  // Calendar arithmetic at UTC midnight: no time zone or DST can shift the day.
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2026年3月20日", as official documents write dates. */
export function chineseDate(date: DateString): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** The instant a China calendar day begins (for "from date … to date" filters over timestamps). */
export function chinaDayStart(date: DateString): number {
  return Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS;
}

/**
 * The instants a run of China calendar days spans, `from` to `to` inclusive, as [start, end):
 * start is `from`'s first midnight, end the midnight after `to`. A side not given stays open. One
 * conversion for every "from date … to date" filter over timestamps.
 */
export function chinaDayBounds(from: DateString, to: DateString): { start: number; end: number };
export function chinaDayBounds(
  from: DateString | undefined,
  to: DateString | undefined,
): { start?: number; end?: number };
export function chinaDayBounds(
  from: DateString | undefined,
  to: DateString | undefined,
): { start?: number; end?: number } {
  return {
    start: from === undefined ? undefined : chinaDayStart(from),
    end: to === undefined ? undefined : chinaDayStart(addDays(to, 1)),
  };
}

/** "09:05": the time of day in China at an instant. */
export function chinaTime(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** "2026-03-20 09:05": an instant as China wall-clock time to the minute, however the device is set. */
export function chinaDateTime(epochMs: number): string {
  return `${toChinaDate(epochMs)} ${chinaTime(epochMs)}`;
}

/** "3月20日 09:05": the same, short, for the phone's lists. */
export function chinaMonthDayTime(epochMs: number): string {
  const [, month, day] = toChinaDate(epochMs).split("-").map(Number);
  return `${month}月${day}日 ${chinaTime(epochMs)}`;
}

/**
 * Why `dueDate` is not a due date one can set on `today`, or null: due dates run from a year ago (a
 * finding recorded late) to three years ahead.
 */
export function dueDateRefusal(dueDate: DateString, today: DateString): string | null {
  if (dueDate < addDays(today, -365)) return `整改期限 ${dueDate} 早于一年前`;
  if (dueDate > addDays(today, 3 * 365)) return `整改期限 ${dueDate} 晚于三年后`;
  return null;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The date `days` working days (Monday to Friday) after `date`. Public holidays and 调休 make-up
 * days are not known here: a district that needs them sets a longer service time.
 */
export function addWorkingDays(date: DateString, days: number): DateString {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}
