import { describe, expect, it } from "vitest";

import {
  DEFAULT_DEADLINE_POLICY,
  dueDateFor,
  resolveRectification,
  type DeadlinePolicy,
  type DeadlineRule,
} from "@/lib/domain/template/deadline-policy";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import type { RectificationDefault, Severity } from "@/lib/domain/template/template.schema";

const policyDeadline: RectificationDefault = { mode: "deadline", days: null };
const onSiteCritical: DeadlinePolicy = {
  ...DEFAULT_DEADLINE_POLICY,
  critical: { mode: "on_site" },
};

describe("DEFAULT_DEADLINE_POLICY", () => {
  it("gives 重大 3 days, 较重 15 days and 一般 30 days", () => {
    expect(DEFAULT_DEADLINE_POLICY).toEqual({
      critical: { mode: "deadline", days: 3 },
      major: { mode: "deadline", days: 15 },
      minor: { mode: "deadline", days: 30 },
      reviewDays: 5,
      returnDays: 7,
    });
  });

  it("reads a policy stored before the 复查 time limit existed with the defaults", () => {
    const { reviewDays, returnDays, ...older } = DEFAULT_DEADLINE_POLICY;
    expect(deadlinePolicySchema.parse(older)).toEqual({ ...older, reviewDays, returnDays });
  });

  it("is a valid policy", () => {
    expect(deadlinePolicySchema.safeParse(DEFAULT_DEADLINE_POLICY).success).toBe(true);
  });
});

describe("deadlinePolicySchema", () => {
  it("accepts 立行立改 for a severity", () => {
    expect(deadlinePolicySchema.safeParse(onSiteCritical).success).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    ["an unknown mode", { mode: "soon" }, "major.mode", "请选择整改方式"],
    ["zero days", { mode: "deadline", days: 0 }, "major.days", "整改期限至少 1 天"],
    ["more than a year", { mode: "deadline", days: 366 }, "major.days", "整改期限不能超过 365 天"],
    ["part days", { mode: "deadline", days: 2.5 }, "major.days", "整改期限应为整数天"],
    ["days left to the policy", { mode: "deadline", days: null }, "major.days", "请填写整改期限"],
  ])("rejects %s", (_case, major, path, message) => {
    const issues =
      deadlinePolicySchema.safeParse({ ...DEFAULT_DEADLINE_POLICY, major }).error?.issues ?? [];
    expect(issues.map((i) => ({ path: i.path.join("."), message: i.message }))).toContainEqual({
      path,
      message,
    });
  });

  it("rejects a policy missing a severity", () => {
    const { minor: _minor, ...rest } = DEFAULT_DEADLINE_POLICY;
    expect(deadlinePolicySchema.safeParse(rest).success).toBe(false);
  });
});

describe("resolveRectification", () => {
  it.each<[string, Severity, DeadlinePolicy, RectificationDefault, DeadlineRule]>([
    [
      "the policy's days for 重大",
      "critical",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      { mode: "deadline", days: 3 },
    ],
    [
      "the policy's days for 较重",
      "major",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      { mode: "deadline", days: 15 },
    ],
    [
      "the policy's days for 一般",
      "minor",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      { mode: "deadline", days: 30 },
    ],
    ["the policy's 立行立改", "critical", onSiteCritical, policyDeadline, { mode: "on_site" }],
    [
      "the policy's days for a 先行管控 item",
      "critical",
      DEFAULT_DEADLINE_POLICY,
      { mode: "control", days: null },
      { mode: "deadline", days: 3 },
    ],
    [
      "the fallback days for a 先行管控 item under an on-site policy",
      "critical",
      onSiteCritical,
      { mode: "control", days: null },
      { mode: "deadline", days: 7 },
    ],
    [
      "the item's own days over the policy",
      "minor",
      DEFAULT_DEADLINE_POLICY,
      { mode: "deadline", days: 7 },
      { mode: "deadline", days: 7 },
    ],
    [
      "the item's own days over an on-site policy",
      "critical",
      onSiteCritical,
      { mode: "deadline", days: 1 },
      { mode: "deadline", days: 1 },
    ],
    [
      "the item's 立行立改 over the policy",
      "minor",
      DEFAULT_DEADLINE_POLICY,
      { mode: "on_site" },
      { mode: "on_site" },
    ],
  ])("returns %s", (_case, severity, policy, itemDefault, expected) => {
    expect(resolveRectification(severity, policy, itemDefault)).toEqual(expected);
  });
});

describe("dueDateFor", () => {
  it.each<[string, Severity, DeadlinePolicy, RectificationDefault, string | null]>([
    [
      "3 days after the visit for 重大",
      "critical",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      "2026-03-05",
    ],
    [
      "15 days after the visit for 较重",
      "major",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      "2026-03-17",
    ],
    [
      "30 days after the visit for 一般",
      "minor",
      DEFAULT_DEADLINE_POLICY,
      policyDeadline,
      "2026-04-01",
    ],
    [
      "the item's own days",
      "major",
      DEFAULT_DEADLINE_POLICY,
      { mode: "deadline", days: 7 },
      "2026-03-09",
    ],
    ["null for an on-site item", "major", DEFAULT_DEADLINE_POLICY, { mode: "on_site" }, null],
    ["null for an on-site policy", "critical", onSiteCritical, policyDeadline, null],
  ])("returns %s", (_case, severity, policy, itemDefault, expected) => {
    expect(dueDateFor(severity, policy, itemDefault, "2026-03-02")).toBe(expected);
  });
});
