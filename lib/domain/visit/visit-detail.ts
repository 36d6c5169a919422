import type { Answer } from "./answer.schema";
import type { SchoolAttributes } from "../org/org.schema";
import { answersByItemCode, effectiveResult } from "../template/answer-rules";
import { applicableItems } from "../template/applicability";
import { scoreVisit, type VisitScore } from "../template/scoring";
import { JUDGEMENT_LABELS } from "../template/template.labels";
import type { Judgement, Template, TemplateItem } from "../template/template.schema";

/** One checked (or unchecked) item as the office reads it. */
export type AnswerLine = {
  code: string;
  prompt: string;
  /** The judgement the answer amounts to; null = not answered (or a text item). */
  result: Judgement | null;
  resultLabel: string;
  /** A reading, the chosen option's words, or the text answer; "" when none. */
  value: string;
  note: string;
  photoIds: string[];
};

export type AnswerSection = { section: string; score: VisitScore; lines: AnswerLine[] };
export type TemplateAnswers = {
  code: string;
  title: string;
  version: number;
  score: VisitScore;
  sections: AnswerSection[];
};

function valueText(item: TemplateItem, answer: Answer | undefined): string {
  if (!answer || answer.value === null) return "";
  const { response } = item;
  if (response.type === "number") return `${answer.value}${response.unit}`;
  if (response.type === "choice")
    return response.options.find((o) => o.value === answer.value)?.label ?? String(answer.value);
  return String(answer.value);
}

/**
 * Every applicable item of every pinned template, by section, with its answer and the section's
 * score: the full record of what was checked and what was not, for the office's visit page.
 */
export function answerSections(
  templates: readonly Template[],
  answers: readonly Answer[],
  school: SchoolAttributes,
): TemplateAnswers[] {
  return templates.map((template) => {
    const items = applicableItems(template, school);
    const mine = answers.filter((a) => a.templateCode === template.code);
    const byCode = answersByItemCode(mine);
    const sections = [...new Set(items.map((i) => i.section))].map((section): AnswerSection => {
      const ofSection = items.filter((i) => i.section === section);
      return {
        section,
        score: scoreVisit(ofSection, mine),
        lines: ofSection.map((item) => {
          const answer = byCode.get(item.code);
          const result = effectiveResult(item, answer);
          return {
            code: item.code,
            prompt: item.prompt,
            result,
            resultLabel:
              result !== null
                ? JUDGEMENT_LABELS[result]
                : item.response.type === "text" && answer
                  ? "已填写"
                  : "未检查",
            value: valueText(item, answer),
            note: answer?.note ?? "",
            photoIds: answer?.photoIds ?? [],
          };
        }),
      };
    });
    return {
      code: template.code,
      title: template.title,
      version: template.version,
      score: scoreVisit(items, mine),
      sections,
    };
  });
}
