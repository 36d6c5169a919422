import { describe, expect, it } from "vitest";

import { scoreVisit } from "@/lib/domain/template/scoring";
import type { Judgement } from "@/lib/domain/template/template.schema";

import { aClassSizeItem, anAnswer, aTemplateItem } from "@/test/helpers/builders/template";

/** Items AQ-001… with the given weights, answered with the given results (null = no answer). */
function scoreOf(cases: [weight: number | undefined, result: Judgement | null][]) {
  const items = cases.map(([weight], i) =>
    aTemplateItem({ code: `AQ-${String(i + 1).padStart(3, "0")}`, weight }),
  );
  const answers = cases.map(([, result], i) => anAnswer({ itemCode: items[i]?.code, result }));
  return scoreVisit(items, answers);
}

describe("scoreVisit", () => {
  it.each<[string, [number | undefined, Judgement | null][], number | null, number, number]>([
    [
      "all 符合",
      [
        [undefined, "pass"],
        [undefined, "pass"],
      ],
      100,
      2,
      2,
    ],
    [
      "all 不符合",
      [
        [undefined, "fail"],
        [undefined, "fail"],
      ],
      0,
      0,
      2,
    ],
    [
      "部分符合 counts half",
      [
        [undefined, "pass"],
        [undefined, "partial"],
      ],
      75,
      1.5,
      2,
    ],
    [
      "不适用 leaves the denominator",
      [
        [undefined, "pass"],
        [undefined, "na"],
        [undefined, "fail"],
      ],
      50,
      1,
      2,
    ],
    [
      "unanswered items do not count",
      [
        [undefined, "pass"],
        [undefined, null],
      ],
      100,
      1,
      1,
    ],
    [
      "weights",
      [
        [3, "pass"],
        [1, "fail"],
      ],
      75,
      3,
      4,
    ],
    [
      "weighted 部分符合",
      [
        [2, "partial"],
        [2, "pass"],
      ],
      75,
      3,
      4,
    ],
    [
      "fractional weights",
      [
        [0.5, "pass"],
        [1.5, "fail"],
      ],
      25,
      0.5,
      2,
    ],
    [
      "one decimal",
      [
        [undefined, "pass"],
        [undefined, "pass"],
        [undefined, "fail"],
      ],
      66.7,
      2,
      3,
    ],
    [
      "every item 不适用",
      [
        [undefined, "na"],
        [undefined, "na"],
      ],
      null,
      0,
      0,
    ],
    ["no items", [], null, 0, 0],
  ])("scores %s", (_case, cases, score, earned, possible) => {
    expect(scoreOf(cases)).toMatchObject({ score, earned, possible });
  });

  it("counts each result and the unanswered items", () => {
    expect(
      scoreOf([
        [undefined, "pass"],
        [undefined, "pass"],
        [undefined, "partial"],
        [undefined, "fail"],
        [undefined, "na"],
        [undefined, null],
      ]).counts,
    ).toEqual({ pass: 2, partial: 1, fail: 1, na: 1, unanswered: 1 });
  });

  it("leaves text items out of the score and the counts", () => {
    const text = aTemplateItem({ code: "AQ-002", response: { type: "text" } });
    const result = scoreVisit(
      [aTemplateItem(), text],
      [
        anAnswer({ result: "pass" }),
        anAnswer({ itemCode: "AQ-002", result: null, value: "情况说明" }),
      ],
    );
    expect(result).toEqual({
      score: 100,
      earned: 1,
      possible: 1,
      counts: { pass: 1, partial: 0, fail: 0, na: 0, unanswered: 0 },
    });
  });

  it("scores a number item by its reading, not its stored result", () => {
    const result = scoreVisit(
      [aTemplateItem(), aClassSizeItem()],
      [anAnswer({ result: "pass" }), anAnswer({ itemCode: "BX-001", result: "pass", value: 57 })],
    );
    expect(result).toMatchObject({ score: 50, counts: { pass: 1, fail: 1 } });
  });

  it("ignores answers to items that are not scored", () => {
    const result = scoreVisit(
      [aTemplateItem()],
      [anAnswer(), anAnswer({ itemCode: "AQ-099", result: "fail" })],
    );
    expect(result).toMatchObject({ score: 100, possible: 1 });
  });
});
