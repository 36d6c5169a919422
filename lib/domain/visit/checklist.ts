import type { Answer } from "./answer.schema";
import type { Visit, VisitKind } from "./visit.schema";
import type { SchoolAttributes } from "../org/org.schema";
import { isAnswerComplete, validateForSubmit } from "../template/answer-rules";
import { applicableItems } from "../template/applicability";
import type { DeadlinePolicy } from "../template/deadline-policy";
import type { Template, TemplateItem } from "../template/template.schema";

/*
 * The checklist walk of one visit: the applicable items of its pinned templates in order, grouped
 * into sections, with progress, "next unanswered", search and what still blocks submitting.
 */

/** Identifies one item of one template within a visit: item codes are unique only per template. */
export type ItemKey = `${string}/${string}`;

/** Unannounced visits (随机暗访) may be submitted without the school's signature. */
export function requiresSchoolSignature(kind: VisitKind): boolean {
  return kind !== "unannounced";
}

export function itemKey(templateCode: string, itemCode: string): ItemKey {
  return `${templateCode}/${itemCode}`;
}

export type ChecklistEntry = {
  key: ItemKey;
  templateCode: string;
  templateTitle: string;
  item: TemplateItem;
};

export type ChecklistSection = {
  /** `${templateCode}/${section}`, stable across renders. */
  id: string;
  templateTitle: string;
  title: string;
  keys: ItemKey[];
};

export type Checklist = {
  entries: ChecklistEntry[];
  sections: ChecklistSection[];
  byKey: ReadonlyMap<ItemKey, ChecklistEntry>;
};

/**
 * The items that apply to the school, template by template, sections in order of first appearance,
 * without the sections the inspector left out (`excluded`: `${templateCode}/${section}` ids).
 */
export function buildChecklist(
  templates: readonly Template[],
  school: SchoolAttributes,
  excluded: readonly string[] = [],
): Checklist {
  const entries: ChecklistEntry[] = [];
  const sections: ChecklistSection[] = [];
  for (const template of templates) {
    const byTitle = new Map<string, ChecklistSection>();
    for (const item of applicableItems(template, school)) {
      if (excluded.includes(`${template.code}/${item.section}`)) continue;
      const key = itemKey(template.code, item.code);
      entries.push({ key, templateCode: template.code, templateTitle: template.title, item });
      let section = byTitle.get(item.section);
      if (!section) {
        section = {
          id: `${template.code}/${item.section}`,
          templateTitle: template.title,
          title: item.section,
          keys: [],
        };
        byTitle.set(item.section, section);
        sections.push(section);
      }
      section.keys.push(key);
    }
  }
  return { entries, sections, byKey: new Map(entries.map((e) => [e.key, e])) };
}

export type AnswersByKey = ReadonlyMap<ItemKey, Answer>;

export function answersByKey(answers: readonly Answer[]): Map<ItemKey, Answer> {
  return new Map(answers.map((a) => [itemKey(a.templateCode, a.itemCode), a]));
}

export type Progress = { answered: number; total: number };

function isDone(checklist: Checklist, answers: AnswersByKey, key: ItemKey): boolean {
  const entry = checklist.byKey.get(key);
  return entry !== undefined && isAnswerComplete(entry.item, answers.get(key));
}

export function progressOf(
  checklist: Checklist,
  answers: AnswersByKey,
  keys: readonly ItemKey[],
): Progress {
  return {
    answered: keys.filter((key) => isDone(checklist, answers, key)).length,
    total: keys.length,
  };
}

/**
 * The first unanswered item after `from` in checklist order, wrapping around to the start;
 * from the start when `from` is null. Null when everything is answered.
 */
export function nextUnanswered(
  checklist: Checklist,
  answers: AnswersByKey,
  from: ItemKey | null,
): ItemKey | null {
  const keys = checklist.entries.map((e) => e.key);
  const start = from === null ? 0 : keys.indexOf(from) + 1;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[(start + i) % keys.length];
    if (key !== undefined && key !== from && !isDone(checklist, answers, key)) return key;
  }
  return null;
}

/**
 * Items whose code, wording, section or guidance contain every word of the query, best first: what
 * the inspector sees on the row (code, then prompt) outranks the section title, which outranks the
 * guidance they cannot see without opening the item. Ties keep checklist order.
 */
export function searchChecklist(checklist: Checklist, query: string): ItemKey[] {
  const words = query
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== "");
  if (words.length === 0) return [];
  const ranked: { key: ItemKey; rank: number; order: number }[] = [];
  checklist.entries.forEach(({ key, item }, order) => {
    const fields = [item.code, item.prompt, item.section, item.guidance].map((f) =>
      f.toLowerCase(),
    );
    if (!words.every((w) => fields.some((f) => f.includes(w)))) return;
    // Each word scores by the most visible field it is found in (0 code … 3 guidance); sum them.
    const rank = words.reduce((sum, w) => sum + fields.findIndex((f) => f.includes(w)), 0);
    ranked.push({ key, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.key);
}

export type SubmitBlocker =
  | {
      kind: "item";
      key: ItemKey;
      templateTitle: string;
      prompt: string;
      /** Not answered at all (as opposed to answered with a photo missing). */
      isUnanswered: boolean;
      problems: string[];
    }
  | { kind: "signature"; role: "inspector" | "school"; problem: string };

/**
 * Everything that stops the visit from being submitted: per applicable item (必查 unanswered,
 * missing photo, 立行立改 without an after-photo) in checklist order, then the missing signatures
 * and the school signer's post. Other unanswered items do not block: they become 未检查.
 */
export function submitBlockers(input: {
  visit: Visit;
  templates: readonly Template[];
  school: SchoolAttributes;
  answers: readonly Answer[];
  policy: DeadlinePolicy;
}): SubmitBlocker[] {
  const answers = answersByKey(input.answers);
  const items = input.templates.flatMap((template) => {
    const applicable = applicableItems(template, input.school);
    const byCode = new Map(applicable.map((item) => [item.code, item]));
    return validateForSubmit(
      applicable,
      input.answers.filter((a) => a.templateCode === template.code),
      input.policy,
    ).map((p): SubmitBlocker => {
      const key = itemKey(template.code, p.itemCode);
      const item = byCode.get(p.itemCode);
      return {
        kind: "item",
        key,
        templateTitle: template.title,
        prompt: p.prompt,
        isUnanswered: item !== undefined && !isAnswerComplete(item, answers.get(key)),
        problems: p.problems,
      };
    });
  });
  const { signatures, kind } = input.visit;
  const missingSignatures: SubmitBlocker[] = [
    ...(signatures.inspector
      ? []
      : [{ kind: "signature", role: "inspector", problem: "缺少督学签名" } as const]),
    ...(signatures.school || !requiresSchoolSignature(kind)
      ? []
      : [{ kind: "signature", role: "school", problem: "缺少学校代表签名" } as const]),
    ...(signatures.school && !signatures.school.title?.trim()
      ? [{ kind: "signature", role: "school", problem: "缺少学校签名人的职务" } as const]
      : []),
  ];
  return [...items, ...missingSignatures];
}
