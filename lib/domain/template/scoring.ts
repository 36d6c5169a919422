import { answersByItemCode, effectiveResult } from "./answer-rules";
import type { Judgement, TemplateItem } from "./template.schema";
import type { Answer } from "../visit/answer.schema";

export type VisitScore = {
  /** 0–100 with one decimal; null when nothing was scorable (every item 不适用 or unanswered). */
  score: number | null;
  earned: number;
  possible: number;
  /** How many scorable items got each result; text items are not counted. */
  counts: Record<Judgement, number> & { unanswered: number };
};

/** Share of the item's weight each result earns; 不适用 is absent because it leaves the denominator. */
const EARNED_SHARE: Record<Exclude<Judgement, "na">, number> = { pass: 1, partial: 0.5, fail: 0 };

/**
 * Weighted score of one template's answers over `items` (pass the applicable items). 部分符合
 * earns half the weight; 不适用, unanswered and text items add nothing to either side.
 */
export function scoreVisit(items: readonly TemplateItem[], answers: readonly Answer[]): VisitScore {
  const byCode = answersByItemCode(answers);
  const counts = { pass: 0, partial: 0, fail: 0, na: 0, unanswered: 0 };
  let earned = 0;
  let possible = 0;
  for (const item of items) {
    if (item.response.type === "text") continue;
    const result = effectiveResult(item, byCode.get(item.code));
    if (result === null) {
      counts.unanswered += 1;
      continue;
    }
    counts[result] += 1;
    if (result === "na") continue;
    const weight = item.weight ?? 1;
    earned += weight * EARNED_SHARE[result];
    possible += weight;
  }
  const score = possible === 0 ? null : Math.round((earned / possible) * 1000) / 10;
  return { score, earned, possible, counts };
}
