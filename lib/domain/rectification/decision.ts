import {
  ESCALATION_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RectificationActionType,
  type RectificationItem,
} from "./rectification.schema";
import { type DeadlinePolicy, proposedReturnDueDate } from "../template/deadline-policy";
import type { DateString } from "../visit/answer.schema";

/** One thing a decision changes, in the words a confirmation shows: 整改期限 2026-03-01 → 2026-03-20. */
export type DecisionChange = { label: string; before: string; after: string };

const NONE = "无";

function extensionText(item: RectificationItem): string {
  return item.extension === null ? NONE : `申请延期至 ${item.extension.requestedDueDate}`;
}

function escalationText(item: RectificationItem): string {
  return item.escalations.length === 0
    ? NONE
    : item.escalations.map((e) => ESCALATION_LABELS[e.kind]).join("、");
}

/**
 * What differs between an item before and after a decision (status, deadline, extension request,
 * escalations); empty when nothing a person would notice changed.
 */
export function decisionChanges(
  before: RectificationItem,
  after: RectificationItem,
): DecisionChange[] {
  const fields: { label: string; text: (item: RectificationItem) => string }[] = [
    { label: "状态", text: (item) => RECTIFICATION_STATUS_LABELS[item.status] },
    { label: "整改期限", text: (item) => item.dueDate ?? NONE },
    { label: "延期申请", text: extensionText },
    { label: "督办", text: escalationText },
  ];
  return fields.flatMap(({ label, text }) => {
    const [was, is] = [text(before), text(after)];
    return was === is ? [] : [{ label, before: was, after: is }];
  });
}

/** The starting values a reviewer's decision forms get: fields by action. */
export type DecisionProposals = Partial<Record<RectificationActionType, Record<string, string>>>;

/**
 * What the decision forms propose for the item: a return's new deadline from the district's
 * policy, but never sooner than the deadline the school already has (a 复查 may return an item
 * that is not yet due); an approval's date as the school asked. The reviewer may change either.
 */
export function decisionProposals(
  item: RectificationItem,
  policy: Pick<DeadlinePolicy, "returnDays">,
  today: DateString,
): DecisionProposals {
  const byPolicy = proposedReturnDueDate(policy, today);
  const returnDueDate = item.dueDate !== null && item.dueDate > byPolicy ? item.dueDate : byPolicy;
  return {
    verify_return: { dueDate: returnDueDate },
    ...(item.extension ? { approve_extension: { dueDate: item.extension.requestedDueDate } } : {}),
  };
}
