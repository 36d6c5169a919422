import { describe, expect, it } from "vitest";

import {
  describeNumberRule,
  effectiveResult,
  isAnswerComplete,
  judgeAnswer,
  judgeNumber,
  missingEvidence,
  validateForSubmit,
} from "@/lib/domain/template/answer-rules";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { Judgement, NumberRule, TemplateItem } from "@/lib/domain/template/template.schema";
import type { Answer } from "@/lib/domain/visit/answer.schema";

import { aPhotoId } from "@/test/helpers/builders/rectification";
import { aClassSizeItem, anAnswer, aTemplateItem } from "@/test/helpers/builders/template";

const choiceItem = aTemplateItem({
  code: "XF-002",
  response: {
    type: "choice",
    options: [
      { value: "ok", label: "压力正常", result: "pass" },
      { value: "low", label: "压力偏低", result: "partial" },
      { value: "empty", label: "无压力", result: "fail" },
    ],
  },
});
const textItem = aTemplateItem({
  code: "AQ-009",
  response: { type: "text" },
  evidence: "optional",
});

describe("judgeNumber", () => {
  const rule = (op: NumberRule["op"]): NumberRule => ({ op, value: 56, failResult: "fail" });

  it.each<[NumberRule["op"], number, Judgement]>([
    ["lte", 55, "pass"],
    ["lte", 56, "pass"],
    ["lte", 57, "fail"],
    ["lt", 55, "pass"],
    ["lt", 56, "fail"],
    ["gte", 56, "pass"],
    ["gte", 55, "fail"],
    ["gt", 57, "pass"],
    ["gt", 56, "fail"],
    ["eq", 56, "pass"],
    ["eq", 55.5, "fail"],
  ])("returns the judgement for %s 56 when the value is %d → %s", (op, value, expected) => {
    expect(judgeNumber(rule(op), value)).toBe(expected);
  });

  it("returns the rule's failResult when a partial rule is broken", () => {
    expect(judgeNumber({ op: "gte", value: 2, failResult: "partial" }, 1)).toBe("partial");
  });
});

describe("describeNumberRule", () => {
  it.each<[NumberRule["op"], string]>([
    ["lte", "≤ 56人"],
    ["lt", "< 56人"],
    ["gte", "≥ 56人"],
    ["gt", "> 56人"],
    ["eq", "= 56人"],
  ])("writes %s as %s", (op, expected) => {
    expect(describeNumberRule({ op, value: 56, failResult: "fail" }, "人")).toBe(expected);
  });
});

describe("judgeAnswer", () => {
  it.each<[string, TemplateItem, Answer["value"], Judgement | null]>([
    ["班额 57 under ≤ 56", aClassSizeItem(), 57, "fail"],
    ["班额 56 under ≤ 56", aClassSizeItem(), 56, "pass"],
    ["a number item without a reading", aClassSizeItem(), null, null],
    ["a number item given text", aClassSizeItem(), "57", null],
    ["a choice judged partial", choiceItem, "low", "partial"],
    ["a choice judged fail", choiceItem, "empty", "fail"],
    ["an unknown choice", choiceItem, "broken", null],
    ["a judgement item", aTemplateItem(), "anything", null],
    ["a text item", textItem, "门卫登记规范", null],
  ])("derives the judgement for %s", (_case, item, value, expected) => {
    expect(judgeAnswer(item, value)).toBe(expected);
  });
});

describe("effectiveResult", () => {
  it.each<[string, TemplateItem, Answer | undefined, Judgement | null]>([
    ["no answer", aTemplateItem(), undefined, null],
    ["a judgement answer", aTemplateItem(), anAnswer({ result: "partial" }), "partial"],
    ["an unanswered judgement", aTemplateItem(), anAnswer({ result: null }), null],
    [
      "a number whose stored result contradicts the rule",
      aClassSizeItem(),
      anAnswer({ result: "pass", value: 57 }),
      "fail",
    ],
    ["a number marked 不适用", aClassSizeItem(), anAnswer({ result: "na", value: null }), "na"],
    ["a choice", choiceItem, anAnswer({ result: null, value: "ok" }), "pass"],
    ["a text answer", textItem, anAnswer({ result: null, value: "有记录" }), null],
  ])("returns the result for %s", (_case, item, answer, expected) => {
    expect(effectiveResult(item, answer)).toBe(expected);
  });
});

describe("isAnswerComplete", () => {
  it.each<[string, TemplateItem, Answer | undefined, boolean]>([
    ["no answer", aTemplateItem(), undefined, false],
    ["a judgement without a result", aTemplateItem(), anAnswer({ result: null }), false],
    ["a judgement with a result", aTemplateItem(), anAnswer({ result: "fail" }), true],
    ["a number with a reading", aClassSizeItem(), anAnswer({ result: null, value: 40 }), true],
    [
      "a number without a reading",
      aClassSizeItem(),
      anAnswer({ result: null, value: null }),
      false,
    ],
    [
      "a choice with an unknown option",
      choiceItem,
      anAnswer({ result: null, value: "gone" }),
      false,
    ],
    ["a text with text", textItem, anAnswer({ result: null, value: "门卫登记规范" }), true],
    ["a text with blanks only", textItem, anAnswer({ result: null, value: "  " }), false],
    ["a text marked 不适用", textItem, anAnswer({ result: "na", value: null }), true],
  ])("decides whether %s is complete", (_case, item, answer, expected) => {
    expect(isAnswerComplete(item, answer)).toBe(expected);
  });
});

describe("missingEvidence", () => {
  const photo = [aPhotoId("a")];
  it.each<[string, TemplateItem["evidence"], Partial<Answer>, string[]]>([
    ["不符合 without a photo", "photo_on_fail", { result: "fail" }, ["不符合时须拍照取证"]],
    ["部分符合 without a photo", "photo_on_fail", { result: "partial" }, ["部分符合时须拍照取证"]],
    ["不符合 with a photo", "photo_on_fail", { result: "fail", photoIds: photo }, []],
    ["符合 without a photo", "photo_on_fail", { result: "pass" }, []],
    [
      "符合 without a photo on an always-photo item",
      "photo_always",
      { result: "pass" },
      ["本项须拍照取证"],
    ],
    [
      "符合 with a photo on an always-photo item",
      "photo_always",
      { result: "pass", photoIds: photo },
      [],
    ],
    ["不适用 on an always-photo item", "photo_always", { result: "na" }, []],
    ["不符合 on an optional-photo item", "optional", { result: "fail" }, []],
  ])("lists what is missing for %s", (_case, evidence, answer, expected) => {
    expect(missingEvidence(aTemplateItem({ evidence }), anAnswer(answer))).toEqual(expected);
  });

  it("asks for a photo when a number reading breaks the rule", () => {
    expect(missingEvidence(aClassSizeItem(), anAnswer({ result: null, value: 60 }))).toEqual([
      "不符合时须拍照取证",
    ]);
  });
});

describe("validateForSubmit", () => {
  const onSiteItem = aTemplateItem({ code: "AQ-002", rectification: { mode: "on_site" } });
  const photo = [aPhotoId("a")];
  const after = [aPhotoId("f")];

  function problems(
    item: TemplateItem,
    answer: Partial<Answer> | null,
    policy = DEFAULT_DEADLINE_POLICY,
  ) {
    const answers = answer ? [anAnswer({ itemCode: item.code, ...answer })] : [];
    return validateForSubmit([item], answers, policy)[0]?.problems ?? [];
  }

  it.each<[string, TemplateItem, Partial<Answer> | null, string[]]>([
    ["an item without an answer (未检查, allowed)", aTemplateItem(), null, []],
    ["an answer without a result (未检查, allowed)", aTemplateItem(), { result: null }, []],
    ["a 必查 item without an answer", aTemplateItem({ required: true }), null, ["必查项尚未作答"]],
    [
      "a 必查 item answered without a result",
      aTemplateItem({ required: true }),
      { result: null },
      ["必查项尚未作答"],
    ],
    ["不符合 without a photo", aTemplateItem(), { result: "fail" }, ["不符合时须拍照取证"]],
    [
      "不符合 with a photo and no finding choice",
      aTemplateItem(),
      { result: "fail", photoIds: photo },
      [],
    ],
    [
      "a 先行管控 default without a photo of the measure",
      aTemplateItem({ rectification: { mode: "control", days: null } }),
      { result: "fail", photoIds: photo },
      ["先行管控须拍摄管控措施照片"],
    ],
    [
      "a 先行管控 choice with a photo of the measure",
      aTemplateItem(),
      {
        result: "fail",
        photoIds: photo,
        finding: {
          severity: "critical",
          rectification: { mode: "control", dueDate: "2026-03-05", controlPhotoIds: after },
          requiredAction: "",
        },
      },
      [],
    ],
    [
      "an on-site default without an after-photo",
      onSiteItem,
      { result: "fail", photoIds: photo },
      ["立行立改须拍摄整改后照片"],
    ],
    [
      "an on-site choice without an after-photo or photo",
      aTemplateItem(),
      {
        result: "partial",
        finding: {
          severity: "minor",
          rectification: { mode: "on_site", afterPhotoIds: [] },
          requiredAction: "",
        },
      },
      ["部分符合时须拍照取证", "立行立改须拍摄整改后照片"],
    ],
    [
      "an on-site choice with an after-photo",
      aTemplateItem(),
      {
        result: "fail",
        photoIds: photo,
        finding: {
          severity: "minor",
          rectification: { mode: "on_site", afterPhotoIds: after },
          requiredAction: "",
        },
      },
      [],
    ],
    [
      "a deadline choice on an on-site item",
      onSiteItem,
      {
        result: "fail",
        photoIds: photo,
        finding: {
          severity: "major",
          rectification: { mode: "deadline", dueDate: "2026-03-10" },
          requiredAction: "",
        },
      },
      [],
    ],
    ["符合 on an on-site item", onSiteItem, { result: "pass" }, []],
  ])("lists the problems of %s", (_case, item, answer, expected) => {
    expect(problems(item, answer)).toEqual(expected);
  });

  it("asks for an after-photo when the district policy makes the severity on-site", () => {
    const onSiteCritical: DeadlinePolicy = {
      ...DEFAULT_DEADLINE_POLICY,
      critical: { mode: "on_site" },
    };
    const item = aTemplateItem({ severity: "critical" });
    const answer = { result: "fail" as const, photoIds: photo };

    expect(problems(item, answer, onSiteCritical)).toEqual(["立行立改须拍摄整改后照片"]);
    expect(problems(item, answer, DEFAULT_DEADLINE_POLICY)).toEqual([]);
  });

  it("returns one entry per item with problems, naming the item, in item order", () => {
    const first = aTemplateItem({ code: "AQ-001" });
    const second = { ...aClassSizeItem(), required: true };
    const third = aTemplateItem({ code: "AQ-003", evidence: "photo_always" });
    const answers = [
      anAnswer({ itemCode: "AQ-001", result: "pass" }),
      anAnswer({ itemCode: "AQ-003", result: "pass" }),
    ];

    expect(validateForSubmit([first, second, third], answers, DEFAULT_DEADLINE_POLICY)).toEqual([
      {
        itemCode: "BX-001",
        section: "大班额",
        prompt: second.prompt,
        problems: ["必查项尚未作答"],
      },
      {
        itemCode: "AQ-003",
        section: "封闭管理",
        prompt: third.prompt,
        problems: ["本项须拍照取证"],
      },
    ]);
  });

  it("returns nothing when every item is answered with its evidence", () => {
    const answers = [anAnswer({ result: "pass" })];
    expect(validateForSubmit([aTemplateItem()], answers, DEFAULT_DEADLINE_POLICY)).toEqual([]);
  });
});
