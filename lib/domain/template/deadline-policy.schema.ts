import { z } from "zod";

import "../zod-locale";

import { DEFAULT_RETURN_DAYS, DEFAULT_REVIEW_DAYS } from "./deadline-policy";
import { rectificationDaysSchema } from "./template.schema";

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
