import { toChinaDate } from "../dates";
import {
  RECTIFICATION_STATUSES,
  type RectificationItem,
  type RectificationStatus,
} from "./rectification.schema";
import { isOverdue } from "./transition";
import type { DateString } from "../visit/answer.schema";

export type ClosureSummary = {
  total: number;
  byStatus: Record<RectificationStatus, number>;
  overdue: number;
  /** closed / (total − cancelled), 0…1; null when no item counts. A cancelled finding was withdrawn. */
  closureRate: number | null;
  /**
   * Closed items closed on or before their due date (China date, after any approved extension)
   * over all closed items, 0…1; null when none is closed. 立行立改 counts as on time.
   */
  onTimeClosureRate: number | null;
};

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function isClosedOnTime(item: RectificationItem): boolean {
  return (
    item.closedAt !== null && (item.dueDate === null || toChinaDate(item.closedAt) <= item.dueDate)
  );
}

/** The closure figures a dashboard shows for a set of items (a school, a zone, a district). */
export function summarizeItems(
  items: readonly RectificationItem[],
  today: DateString,
): ClosureSummary {
  const byStatus = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, 0])) as Record<
    RectificationStatus,
    number
  >;
  let overdue = 0;
  let closedOnTime = 0;
  for (const item of items) {
    byStatus[item.status] += 1;
    if (isOverdue(item, today)) overdue += 1;
    if (item.status === "closed" && isClosedOnTime(item)) closedOnTime += 1;
  }
  return {
    total: items.length,
    byStatus,
    overdue,
    closureRate: ratio(byStatus.closed, items.length - byStatus.cancelled),
    onTimeClosureRate: ratio(closedOnTime, byStatus.closed),
  };
}

export type RepeatFinding = {
  schoolId: string;
  itemCode: string;
  /** The distinct visits that found it; sorted, which for UUIDv7 ids is oldest first. */
  visitIds: string[];
};

/**
 * Check items found at the same school in two or more different visits (屡查屡犯), most repeated
 * first. Cancelled items are left out: their finding was withdrawn.
 */
export function repeatFindings(items: readonly RectificationItem[]): RepeatFinding[] {
  const visitsByKey = new Map<
    string,
    { schoolId: string; itemCode: string; visitIds: Set<string> }
  >();
  for (const item of items) {
    if (item.status === "cancelled") continue;
    const key = `${item.schoolId}\u0000${item.itemCode}`;
    const entry = visitsByKey.get(key) ?? {
      schoolId: item.schoolId,
      itemCode: item.itemCode,
      visitIds: new Set(),
    };
    entry.visitIds.add(item.visitId);
    visitsByKey.set(key, entry);
  }
  return [...visitsByKey.values()]
    .filter((entry) => entry.visitIds.size >= 2)
    .map((entry) => ({
      schoolId: entry.schoolId,
      itemCode: entry.itemCode,
      visitIds: [...entry.visitIds].sort(),
    }))
    .sort(
      (a, b) =>
        b.visitIds.length - a.visitIds.length ||
        a.schoolId.localeCompare(b.schoolId) ||
        a.itemCode.localeCompare(b.itemCode),
    );
}
