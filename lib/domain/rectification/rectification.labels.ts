/** What rectification values are called on screen, without zod: the inspector's first screens show them (issue #10). */
import type { RectificationActionType, RectificationStatus } from "./rectification.schema";

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  pending: "待整改",
  in_progress: "整改中",
  submitted: "待复查",
  returned: "已退回",
  closed: "已销号",
  cancelled: "已撤销",
};

export const RECTIFICATION_ACTION_LABELS: Record<RectificationActionType, string> = {
  acknowledge: "开始整改",
  respond: "提交整改报告",
  request_extension: "申请延期",
  approve_extension: "同意延期",
  refuse_extension: "不同意延期",
  verify_pass: "复查通过（销号）",
  verify_return: "退回",
  escalate: "督办",
  cancel: "撤销",
  close_on_site: "立行立改销号",
  verify_on_site: "现场核实已整改（销号）",
  record_still_open: "仍未整改",
};
