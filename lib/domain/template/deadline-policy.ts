import { z } from "zod";

import "../zod-locale";

import { addDays, addWorkingDays, toChinaDate } from "../dates";
import {
  rectificationDaysSchema,
  type RectificationDefault,
  type Severity,
} from "./template.schema";
import type { DateString } from "../visit/answer.schema";

/** How the district rectifies findings of one severity: 立行立改 on site, or 限期整改 within days. */
export const deadlineRuleSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("on_site") }),
    z.object({ mode: z.literal("deadline"), days: rectificationDaysSchema }),
  ],
  { message: "请选择整改方式" },
);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** 复查 service time: working days from the school's report to the reviewer's decision. */
export const DEFAULT_REVIEW_DAYS = 5;
/** Calendar days a returned item gets to be fixed again, unless the reviewer picks another date. */
export const DEFAULT_RETURN_DAYS = 7;

export const reviewDaysSchema = z
  .number({ message: "请填写复查时限" })
  .int("复查时限应为整数个工作日")
  .min(1, "复查时限至少 1 个工作日")
  .max(30, "复查时限不能超过 30 个工作日");

/**
 * The district's deadline policy: the rule per severity, the 复查 service time, and the new deadline
 * a return proposes. The office edits it; policies stored before the last two existed read the defaults.
 */
export const deadlinePolicySchema = z.object({
  minor: deadlineRuleSchema,
  major: deadlineRuleSchema,
  critical: deadlineRuleSchema,
  reviewDays: reviewDaysSchema.default(DEFAULT_REVIEW_DAYS),
  returnDays: rectificationDaysSchema.default(DEFAULT_RETURN_DAYS),
});
export type DeadlinePolicy = z.infer<typeof deadlinePolicySchema>;
/** As a form or an old stored row gives it: the service times may be missing. */
export type DeadlinePolicyInput = z.input<typeof deadlinePolicySchema>;

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
