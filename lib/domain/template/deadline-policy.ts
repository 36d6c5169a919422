/**
 * Deadlines from the district's policy, without zod (a visit's finding panel uses them on its first
 * screen); the policy's schema is deadline-policy.schema.ts.
 */
import { addDays, addWorkingDays, toChinaDate } from "../dates";
import type { DeadlinePolicy, DeadlineRule } from "./deadline-policy.schema";
import type { RectificationDefault, Severity } from "./template.schema";
import type { DateString } from "../visit/answer.schema";

export type { DeadlinePolicy, DeadlinePolicyInput, DeadlineRule } from "./deadline-policy.schema";

/** 复查 service time: working days from the school's report to the reviewer's decision. */
export const DEFAULT_REVIEW_DAYS = 5;
/** Calendar days a returned item gets to be fixed again, unless the reviewer picks another date. */
export const DEFAULT_RETURN_DAYS = 7;

/** 重大 3 days, 较重 15 days, 一般 30 days (issue #3); a district may switch 重大 to 立行立改. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  critical: { mode: "deadline", days: 3 },
  major: { mode: "deadline", days: 15 },
  minor: { mode: "deadline", days: 30 },
  reviewDays: DEFAULT_REVIEW_DAYS,
  returnDays: DEFAULT_RETURN_DAYS,
};

/** The last day the reviewer has to decide on a report handed in at `submittedAt` (epoch ms). */
export function reviewDueDate(submittedAt: number, policy: Pick<DeadlinePolicy, "reviewDays">) {
  return addWorkingDays(toChinaDate(submittedAt), policy.reviewDays);
}

/** The new deadline a return proposes on `today`; the reviewer may choose another. */
export function proposedReturnDueDate(
  policy: Pick<DeadlinePolicy, "returnDays">,
  today: DateString,
): DateString {
  return addDays(today, policy.returnDays);
}

/** Days offered when neither the item nor the district's policy gives a deadline for this severity. */
export const FALLBACK_DEADLINE_DAYS = 7;

/**
 * How a finding is rectified when the inspector has not decided: the item's own default wins
 * (立行立改, or its own number of days); an item deadline without days takes the policy's rule.
 * A 先行管控 item always has a deadline: the policy's days, or the fallback when the policy says 立行立改.
 */
export function resolveRectification(
  severity: Severity,
  policy: DeadlinePolicy,
  itemDefault: RectificationDefault,
): DeadlineRule {
  if (itemDefault.mode === "on_site") return itemDefault;
  if (itemDefault.days !== null) return { mode: "deadline", days: itemDefault.days };
  const rule = policy[severity];
  if (itemDefault.mode === "control" && rule.mode === "on_site")
    return { mode: "deadline", days: FALLBACK_DEADLINE_DAYS };
  return rule;
}

/** The default due date of a finding made on `visitDate`; null when it is 立行立改 on site. */
export function dueDateFor(
  severity: Severity,
  policy: DeadlinePolicy,
  itemDefault: RectificationDefault,
  visitDate: DateString,
): DateString | null {
  const rule = resolveRectification(severity, policy, itemDefault);
  return rule.mode === "on_site" ? null : addDays(visitDate, rule.days);
}
