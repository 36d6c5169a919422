import { noticeDeadlineText } from "../rectification/notice-text";
import type { RectificationItem } from "../rectification/rectification.schema";
import { formatCitation, LOCAL_PRACTICE_LABEL } from "../template/citation";
import {
  deriveFindings,
  joinSentences,
  readingOf,
  type DeriveFindingsInput,
} from "../template/findings";
import type { Finding } from "../template/findings.schema";
import type { Severity, TemplateItem } from "../template/template.schema";
import type { Answer } from "../visit/answer.schema";

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

/**
 * What an issued 整改事项 decides; it wins over the visit's own choice (deadlines may have been
 * extended). Its `prompt` is the finding statement and `basis` the formatted citations.
 */
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

/** The item's printed wording: its finding statement and its citations (none for local practice). */
function wordingOf(item: Pick<TemplateItem, "finding" | "basis">) {
  return { statement: item.finding, basis: item.basis.map(formatCitation) };
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
    const wording = wordingOf(item ?? finding);
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
          dueDate: plan.mode === "on_site" ? null : plan.dueDate,
          status: afterPhotoIds.length > 0 ? "closed" : "pending",
        },
      ),
      severity: terms?.severity ?? finding.severity,
      // A 先行管控 measure's photos print with the finding's, as the issued item keeps them.
      photoIds:
        terms?.photoIds ??
        (plan.mode === "control"
          ? [...finding.photoIds, ...plan.controlPhotoIds]
          : finding.photoIds),
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
      basis: terms.basis === LOCAL_PRACTICE_LABEL ? [] : [terms.basis],
      requirement: terms.requiredAction,
      deadline: noticeDeadlineText(terms),
      severity: terms.severity,
      photoIds: terms.photoIds,
      afterPhotoIds: terms.afterPhotoIds,
    };
  });
}
