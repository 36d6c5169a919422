/** What visit values are called on screen, without zod: the checklist shows them first (issue #10). */
import type { VisitKind, VisitStatus } from "./visit.schema";

export const VISIT_KINDS = ["routine", "campaign", "follow_up", "unannounced", "joint"] as const;

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  routine: "挂牌督导",
  campaign: "专项督查",
  follow_up: "复查/回访",
  unannounced: "随机暗访",
  joint: "联合检查",
};

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  draft: "草稿",
  submitted: "已提交",
};
