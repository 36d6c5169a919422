import { resolveRectification, type DeadlinePolicy } from "./deadline-policy";
import { JUDGEMENT_LABELS } from "./template.labels";
import type { Judgement, NumberRule, TemplateItem } from "./template.schema";
import type { Answer } from "../visit/answer.schema";

const RULE_OP_SYMBOLS: Record<NumberRule["op"], string> = {
  lte: "≤",
  lt: "<",
  gte: "≥",
  gt: ">",
  eq: "=",
};

/** A number rule as people write it: "≤ 56人". */
export function describeNumberRule(rule: NumberRule, unit: string): string {
  return `${RULE_OP_SYMBOLS[rule.op]} ${rule.value}${unit}`;
}

function keepsRule(rule: NumberRule, value: number): boolean {
  switch (rule.op) {
    case "lte":
      return value <= rule.value;
    case "lt":
      return value < rule.value;
    case "gte":
      return value >= rule.value;
    case "gt":
      return value > rule.value;
    case "eq":
      return value === rule.value;
  }
}

/** A reading that keeps the rule is 符合; one that breaks it is the rule's `failResult`. */
export function judgeNumber(rule: NumberRule, value: number): Judgement {
  return keepsRule(rule, value) ? "pass" : rule.failResult;
}

/**
 * The judgement a number or choice item's value implies (班额 57 under "≤ 56" → 不符合).
 * Judgement items are judged by the inspector and text items carry none: null, as for no value.
 */
export function judgeAnswer(item: TemplateItem, value: Answer["value"]): Judgement | null {
  const response = item.response;
  switch (response.type) {
    case "number":
      return typeof value === "number" ? judgeNumber(response.rule, value) : null;
    case "choice":
      return response.options.find((option) => option.value === value)?.result ?? null;
    case "judgement":
    case "text":
      return null;
  }
}

/**
 * The result an answer counts as. 不适用 is the inspector's call on any item; otherwise number and
 * choice results are re-derived from the value, so a stored result can never contradict the rule.
 */
export function effectiveResult(item: TemplateItem, answer: Answer | undefined): Judgement | null {
  if (answer === undefined) return null;
  if (answer.result === "na") return "na";
  switch (item.response.type) {
    case "judgement":
      return answer.result;
    case "number":
    case "choice":
      return judgeAnswer(item, answer.value);
    case "text":
      return null;
  }
}

/** Whether the item has been answered: a result, or for a text item some text (or 不适用). */
export function isAnswerComplete(item: TemplateItem, answer: Answer | undefined): boolean {
  if (item.response.type !== "text") return effectiveResult(item, answer) !== null;
  return (
    answer !== undefined &&
    (answer.result === "na" || (typeof answer.value === "string" && answer.value.trim() !== ""))
  );
}

/** What the item's evidence rule still asks for, in Chinese; empty when the photos suffice. */
export function missingEvidence(item: TemplateItem, answer: Answer | undefined): string[] {
  const result = effectiveResult(item, answer);
  if (answer === undefined || result === "na" || answer.photoIds.length > 0) return [];
  switch (item.evidence) {
    case "photo_always":
      return ["本项须拍照取证"];
    case "photo_on_fail":
      return result === "fail" || result === "partial"
        ? [`${JUDGEMENT_LABELS[result]}时须拍照取证`]
        : [];
    case "optional":
      return [];
  }
}

/**
 * A 立行立改 finding is closed on site, so it needs an after-photo — whether the inspector chose
 * on-site or the item's default (and the district policy) leads there.
 */
function missingAfterPhoto(item: TemplateItem, answer: Answer, policy: DeadlinePolicy): string[] {
  const chosen = answer.finding?.rectification;
  const rule = chosen ?? resolveRectification(item.severity, policy, item.rectification);
  // 先行管控 stops the hazard on the spot, so it needs a photo of the measure like 立行立改 does.
  if (
    chosen?.mode === "control" ||
    (chosen === undefined && item.rectification.mode === "control")
  ) {
    const photos = chosen?.mode === "control" ? chosen.controlPhotoIds.length : 0;
    return photos > 0 ? [] : ["先行管控须拍摄管控措施照片"];
  }
  if (rule.mode !== "on_site") return [];
  const afterPhotos = chosen?.mode === "on_site" ? chosen.afterPhotoIds.length : 0;
  return afterPhotos > 0 ? [] : ["立行立改须拍摄整改后照片"];
}

/** Answers keyed by item code. Pass the answers of one template: codes are unique only within it. */
export function answersByItemCode(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((answer) => [answer.itemCode, answer]));
}

export type SubmitProblem = {
  itemCode: string;
  section: string;
  prompt: string;
  /** What is missing, in Chinese. */
  problems: string[];
};

/**
 * What blocks submitting a visit, per item: unanswered 必查 items, missing photos and missing
 * after-photos. Other unanswered items do not block: they are recorded as 未检查. `items` are the applicable items of one template and `answers` that template's
 * answers. A 不符合/部分符合 answer without a finding choice is fine: the defaults apply.
 */
export function validateForSubmit(
  items: readonly TemplateItem[],
  answers: readonly Answer[],
  policy: DeadlinePolicy,
): SubmitProblem[] {
  const byCode = answersByItemCode(answers);
  return items.flatMap((item) => {
    const answer = byCode.get(item.code);
    const problems = problemsOf(item, answer, policy);
    return problems.length === 0
      ? []
      : [{ itemCode: item.code, section: item.section, prompt: item.prompt, problems }];
  });
}

function problemsOf(
  item: TemplateItem,
  answer: Answer | undefined,
  policy: DeadlinePolicy,
): string[] {
  if (answer === undefined || !isAnswerComplete(item, answer))
    return item.required === true ? ["必查项尚未作答"] : [];
  const result = effectiveResult(item, answer);
  const isFinding = result === "fail" || result === "partial";
  return [
    ...missingEvidence(item, answer),
    ...(isFinding ? missingAfterPhoto(item, answer, policy) : []),
  ];
}
