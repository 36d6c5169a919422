import type { Answer } from "./answer.schema";
import {
  answersByKey,
  itemKey,
  type AnswersByKey,
  type Checklist,
  type ItemKey,
} from "./checklist";
import type { ItemRef, Visit, VisitKind } from "./visit.schema";
import type { SchoolAttributes } from "../org/org.schema";
import { isAnswerComplete } from "../template/answer-rules";
import { applicableItems } from "../template/applicability";
import type { Template } from "../template/template.schema";

/*
 * What a visit covers: the checklists its kind proposes, the sections the inspector leaves out, the
 * items left 未检查 when it is submitted, and the "本节其余项符合" shortcut.
 */

/** Template codes a visit kind is offered with, from the pack. */
export type ScopeProposals = {
  /** The district's 挂牌督导 set (office settings). */
  routine: readonly string[];
  /** The campaign's checklists, for 专项督查 (the campaign the visit starts from; empty otherwise). */
  campaign: readonly string[];
};

/**
 * The checklists ticked when the inspector picks a kind: 挂牌督导 the district's set, 专项督查
 * the campaign's, every other kind none. Only codes among `available` (offered and applicable to
 * the school) are proposed; nothing else is pre-ticked.
 */
export function proposedTemplateCodes(
  kind: VisitKind,
  proposals: ScopeProposals,
  available: readonly string[],
): string[] {
  const wanted =
    kind === "routine" ? proposals.routine : kind === "campaign" ? proposals.campaign : [];
  return available.filter((code) => wanted.includes(code));
}

export function sectionId(templateCode: string, section: string): string {
  return `${templateCode}/${section}`;
}

export type TemplateSection = { id: string; title: string; itemCount: number };

/** The sections of a template that have items applying to the school, in order, with their sizes. */
export function applicableSections(
  template: Template,
  school: SchoolAttributes,
): TemplateSection[] {
  const sections = new Map<string, TemplateSection>();
  for (const item of applicableItems(template, school)) {
    const id = sectionId(template.code, item.section);
    const section = sections.get(id) ?? { id, title: item.section, itemCount: 0 };
    section.itemCount += 1;
    sections.set(id, section);
  }
  return [...sections.values()];
}

/**
 * The applicable items of the pinned templates without a complete answer, in checklist order:
 * what a submitted visit records as 未检查 (left-out sections included — they were not checked).
 */
export function uncheckedItems(input: {
  templates: readonly Template[];
  school: SchoolAttributes;
  answers: readonly Answer[];
}): ItemRef[] {
  const answers = answersByKey(input.answers);
  return input.templates.flatMap((template) =>
    applicableItems(template, input.school).flatMap((item) =>
      isAnswerComplete(item, answers.get(itemKey(template.code, item.code)))
        ? []
        : [{ templateCode: template.code, itemCode: item.code }],
    ),
  );
}

/**
 * The items "本节其余项符合" marks: the section's unanswered 符合/不符合 items. Number, choice and
 * text items take their result from what is entered, so a blanket 符合 cannot answer them.
 */
export function bulkPassKeys(
  checklist: Checklist,
  answers: AnswersByKey,
  keys: readonly ItemKey[],
): ItemKey[] {
  return keys.filter((key) => {
    const entry = checklist.byKey.get(key);
    return (
      entry !== undefined &&
      entry.item.response.type === "judgement" &&
      !isAnswerComplete(entry.item, answers.get(key))
    );
  });
}

/** Why a visit cannot be abandoned, or null: only a draft can be (a submitted visit is a record). */
export function abandonRefusal(visit: Visit): string | null {
  return visit.status === "draft" ? null : "检查已提交，不能放弃";
}
