import { toChinaDate } from "../dates";
import { answersByItemCode, describeNumberRule, effectiveResult } from "./answer-rules";
import { explainApplicability } from "./applicability";
import { dueDateFor, type DeadlinePolicy } from "./deadline-policy";
import type { Finding } from "./findings.schema";
import type { Template, TemplateItem } from "./template.schema";
import type { SchoolAttributes } from "../org/org.schema";
import type { Answer, DateString, FindingChoice } from "../visit/answer.schema";

/**
 * What the notice says when the inspector decided nothing: the item's default severity and
 * rectification, with the district policy filling an item deadline that has no days.
 * The visit UI pre-fills the finding panel with it.
 */
export function defaultFindingChoice(
  item: TemplateItem,
  policy: DeadlinePolicy,
  visitDate: DateString,
): FindingChoice {
  const dueDate = dueDateFor(item.severity, policy, item.rectification, visitDate);
  return {
    severity: item.severity,
    rectification:
      dueDate === null
        ? { mode: "on_site", afterPhotoIds: [] }
        : item.rectification.mode === "control"
          ? { mode: "control", dueDate, controlPhotoIds: [] }
          : { mode: "deadline", dueDate },
    requiredAction: "",
  };
}

/** The reading behind a number or choice result, e.g. "现场记录：57人（要求 ≤ 56人）". */
export function readingOf(item: TemplateItem, answer: Answer): string | null {
  const response = item.response;
  if (response.type === "number" && typeof answer.value === "number") {
    const rule = describeNumberRule(response.rule, response.unit);
    return `现场记录：${answer.value}${response.unit}（要求 ${rule}）`;
  }
  if (response.type === "choice") {
    const option = response.options.find((o) => o.value === answer.value);
    return option ? `现场记录：${option.label}` : null;
  }
  return null;
}

/** Joins sentences with "。", dropping each one's own closing punctuation so none doubles. */
export function joinSentences(parts: readonly (string | null)[]): string {
  return parts
    .map((part) => part?.trim().replace(/[。；;.]+$/u, ""))
    .filter((part): part is string => part !== undefined && part !== "")
    .join("。");
}

function findingFor(
  template: Template,
  item: TemplateItem,
  answer: Answer,
  result: Finding["result"],
  policy: DeadlinePolicy,
  visitDate: DateString,
): Finding {
  // The inspector's choice is a whole decision (severity, plan and action), so it replaces the defaults.
  const choice = answer.finding ?? defaultFindingChoice(item, policy, visitDate);
  return {
    templateCode: template.code,
    templateVersion: template.version,
    itemCode: item.code,
    section: item.section,
    prompt: item.prompt,
    finding: item.finding,
    basis: item.basis,
    result,
    severity: choice.severity,
    description: joinSentences([item.finding, readingOf(item, answer), answer.note]),
    requiredAction: choice.requiredAction.trim() || item.requirement,
    rectification: choice.rectification,
    photoIds: answer.photoIds,
    occurredAt: answer.answeredAt,
  };
}

export type DeriveFindingsInput = {
  /** The visit's pinned template versions. */
  templates: readonly Template[];
  answers: readonly Answer[];
  school: SchoolAttributes;
  policy: DeadlinePolicy;
  /** When the visit started; default due dates count from its China date. */
  visitAt: number;
};

/**
 * One finding per 不符合/部分符合 answer on an item that applies to the school, in template and
 * item order. Answers to items that do not apply are ignored.
 */
export function deriveFindings(input: DeriveFindingsInput): Finding[] {
  const visitDate = toChinaDate(input.visitAt);
  return input.templates.flatMap((template) => {
    const byCode = answersByItemCode(input.answers.filter((a) => a.templateCode === template.code));
    return template.items.flatMap((item) => {
      const answer = byCode.get(item.code);
      const result = effectiveResult(item, answer);
      if (answer === undefined || (result !== "fail" && result !== "partial")) return [];
      if (!explainApplicability(item, input.school).applies) return [];
      return [findingFor(template, item, answer, result, input.policy, visitDate)];
    });
  });
}
