import { toChinaDate } from "../dates";
import type { Id } from "../ids";
import type { DateString } from "./answer.schema";
import type { PackSchool } from "./visit-pack.schema";
import type { Visit } from "./visit.schema";
import type { RectificationItem } from "../rectification/rectification.schema";

export type NeedReason = {
  kind: "draft" | "never_visited" | "due" | "visited" | "overdue" | "open";
  /** In Chinese, as the list shows it. */
  text: string;
};

/** Why a school needs the inspector now, for ordering "my schools" and saying why in one line. */
export type SchoolNeed = {
  school: PackSchool;
  /** The latest visit known on the phone or in the pack (China date); null = never visited. */
  lastVisitDate: DateString | null;
  /** Whole days from the last visit to today; null = never visited. */
  daysSinceVisit: number | null;
  /** 挂牌督导 asks for a visit every month: none yet in this calendar month (China time). */
  isDueThisMonth: boolean;
  openItems: number;
  /** Open items past their due date. */
  overdueItems: number;
  /** A draft on this phone, to continue rather than start again. */
  draftVisitId: Id | null;
  /** Most pressing first. */
  reasons: NeedReason[];
};

const DAY_MS = 24 * 60 * 60 * 1000;

function daysBetween(from: DateString, to: DateString): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function latest(dates: readonly DateString[]): DateString | null {
  return dates.reduce<DateString | null>((max, d) => (max === null || d > max ? d : max), null);
}

function reasonsOf(need: Omit<SchoolNeed, "reasons" | "school">): NeedReason[] {
  const reasons: NeedReason[] = [];
  if (need.draftVisitId !== null) reasons.push({ kind: "draft", text: "有未提交的检查" });
  if (need.daysSinceVisit === null) reasons.push({ kind: "never_visited", text: "尚无督导记录" });
  else if (need.isDueThisMonth)
    reasons.push({ kind: "due", text: `本月尚未督导（距上次 ${need.daysSinceVisit} 天）` });
  else
    reasons.push({
      kind: "visited",
      text: need.daysSinceVisit === 0 ? "今天已督导" : `本月已督导（${need.daysSinceVisit} 天前）`,
    });
  if (need.overdueItems > 0)
    reasons.push({ kind: "overdue", text: `逾期整改 ${need.overdueItems} 项` });
  const onTime = need.openItems - need.overdueItems;
  if (onTime > 0) reasons.push({ kind: "open", text: `整改中 ${onTime} 项` });
  return reasons;
}

/**
 * Orders `a` before `b` when it needs the inspector more: a draft to finish first; then schools
 * without a visit this month (the monthly 挂牌督导 rule); then more overdue items, a longer time
 * since the last visit (never visited first), more open items; then by school code.
 */
function compareNeed(a: SchoolNeed, b: SchoolNeed): number {
  const byFlag = (x: boolean, y: boolean) => Number(y) - Number(x);
  const days = (n: SchoolNeed) => n.daysSinceVisit ?? Number.POSITIVE_INFINITY;
  return (
    byFlag(a.draftVisitId !== null, b.draftVisitId !== null) ||
    byFlag(a.isDueThisMonth, b.isDueThisMonth) ||
    b.overdueItems - a.overdueItems ||
    (days(a) === days(b) ? 0 : days(a) < days(b) ? 1 : -1) ||
    b.openItems - a.openItems ||
    a.school.code.localeCompare(b.school.code)
  );
}

/**
 * The inspector's schools, the one needing a visit most first. Visits on the phone count as well
 * as the pack's last visit (a visit made offline today is not in the pack yet); open items are
 * the pack's list, which pulls keep current.
 */
export function rankSchoolsByNeed(input: {
  schools: readonly PackSchool[];
  visits: readonly Visit[];
  openItems: readonly Pick<RectificationItem, "schoolId" | "dueDate">[];
  now: number;
}): SchoolNeed[] {
  const today = toChinaDate(input.now);
  const month = today.slice(0, 7);
  return input.schools
    .map((school): SchoolNeed => {
      const visits = input.visits.filter((v) => v.schoolId === school.id);
      const draft = visits
        .filter((v) => v.status === "draft")
        .sort((a, b) => b.startedAt - a.startedAt)[0];
      const lastVisitDate = latest([
        ...(school.lastVisit ? [school.lastVisit.date] : []),
        ...visits.map((v) => toChinaDate(v.startedAt)),
      ]);
      const items = input.openItems.filter((item) => item.schoolId === school.id);
      const need = {
        lastVisitDate,
        daysSinceVisit:
          lastVisitDate === null ? null : Math.max(0, daysBetween(lastVisitDate, today)),
        isDueThisMonth: lastVisitDate === null || lastVisitDate.slice(0, 7) !== month,
        openItems: items.length,
        overdueItems: items.filter((item) => item.dueDate !== null && item.dueDate < today).length,
        draftVisitId: draft?.id ?? null,
      };
      return { school, ...need, reasons: reasonsOf(need) };
    })
    .sort(compareNeed);
}

/** Whether a school matches what the inspector typed: name, code, address or principal. */
export function matchesSchoolQuery(school: PackSchool, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === "") return true;
  return [school.name, school.code, school.address, school.principal].some((field) =>
    field.toLowerCase().includes(q),
  );
}
