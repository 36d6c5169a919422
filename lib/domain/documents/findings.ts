import {
  deriveFindings,
  joinSentences,
  readingOf,
  type DeriveFindingsInput,
} from "../template/findings";
import type { Finding } from "../template/findings.schema";
import type { Answer } from "../visit/answer.schema";
import type { Severity, TemplateItem } from "../template/template.schema";
import { noticeDeadlineText } from "../rectification/notice-text";
import type { RectificationItem } from "../rectification/rectification.schema";

/** One finding as documents print it: the statement, what was seen, why it is wrong, what to do, by when. */
export type DocumentFinding = {
  templateCode: string;
  itemCode: string;
  /** Written as a finding ("未落实学校负责人陪餐制度"), never as the checklist's question. */
  statement: string;
  /** The reading and the inspector's note; empty when the inspector wrote nothing. */
  observation: string;
  /** Formatted citations; empty for an item backed by local practice only. */
  basis: string[];
  requirement: string;
  deadline: string;
  severity: Severity;
  photoIds: string[];
  /** The inspector's photos of a fix made on site (立行立改). */
  afterPhotoIds: string[];
};

/** What an issued 整改事项 decides; it wins over the visit's own choice (deadlines may have been extended). */
export type IssuedTerms = Pick<
  RectificationItem,
  | "templateCode"
  | "itemCode"
  | "prompt"
  | "basis"
  | "description"
  | "severity"
  | "requiredAction"
  | "mode"
  | "dueDate"
  | "status"
  | "photoIds"
  | "afterPhotoIds"
>;

/** The item's printed wording: its finding statement and its citations. */
function wordingOf(item: TemplateItem): { statement: string; basis: string[] } {
  return { statement: item.prompt, basis: [item.basis] };
}

const keyOf = (f: { templateCode: string; itemCode: string }): string =>
  `${f.templateCode}/${f.itemCode}`;

/**
 * The findings of a visit as documents print them, from the visit's own data (the phone's preview
 * and the server alike). With `issued` (the notice's items, in notice order) the deadlines and
 * decisions are the items' current ones; an item whose answer is missing prints its stored text.
 */
export function documentFindings(
  input: DeriveFindingsInput,
  issued: readonly IssuedTerms[] | null = null,
): DocumentFinding[] {
  const itemsByKey = new Map<string, TemplateItem>(
    input.templates.flatMap((t) => t.items.map((item) => [`${t.code}/${item.code}`, item])),
  );
  const answers = new Map<string, Answer>(input.answers.map((a) => [keyOf(a), a]));
  const fromVisit = (finding: Finding, terms: IssuedTerms | null): DocumentFinding => {
    const item = itemsByKey.get(keyOf(finding));
    const answer = answers.get(keyOf(finding));
    const wording = item ? wordingOf(item) : { statement: finding.prompt, basis: [finding.basis] };
    const plan = finding.rectification;
    const afterPhotoIds = plan.mode === "on_site" ? plan.afterPhotoIds : [];
    return {
      templateCode: finding.templateCode,
      itemCode: finding.itemCode,
      statement: wording.statement,
      observation: item && answer ? joinSentences([readingOf(item, answer), answer.note]) : "",
      basis: wording.basis,
      requirement: terms?.requiredAction || finding.requiredAction,
      deadline: noticeDeadlineText(
        terms ?? {
          mode: plan.mode,
          dueDate: plan.mode === "deadline" ? plan.dueDate : null,
          status: afterPhotoIds.length > 0 ? "closed" : "pending",
        },
      ),
      severity: terms?.severity ?? finding.severity,
      photoIds: terms?.photoIds ?? finding.photoIds,
      afterPhotoIds: terms?.afterPhotoIds ?? afterPhotoIds,
    };
  };
  const derived = deriveFindings(input);
  if (issued === null) return derived.map((finding) => fromVisit(finding, null));
  const derivedByKey = new Map(derived.map((f) => [keyOf(f), f]));
  return issued.map((terms) => {
    const finding = derivedByKey.get(keyOf(terms));
    if (finding) return fromVisit(finding, terms);
    return {
      templateCode: terms.templateCode,
      itemCode: terms.itemCode,
      statement: terms.prompt,
      observation: terms.description,
      basis: [terms.basis],
      requirement: terms.requiredAction,
      deadline: noticeDeadlineText(terms),
      severity: terms.severity,
      photoIds: terms.photoIds,
      afterPhotoIds: terms.afterPhotoIds,
    };
  });
}

/**
 * What an item checks, stated as the condition met ("食堂取得食品经营许可证"), for lists of items that
 * were not checked: documents state facts and never print the checklist's questions.
 */
export function checkedCondition(prompt: string): string {
  return prompt.replace(/是否/g, "").replace(/[？?]+$/u, "");
}
