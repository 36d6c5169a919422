import { describe, expect, it } from "vitest";

import type { SchoolAttributes, SchoolStage } from "@/lib/domain/org/org.schema";
import { applicableItems, explainApplicability } from "@/lib/domain/template/applicability";
import type { AppliesTo } from "@/lib/domain/template/template.schema";

import {
  aClassSizeItem,
  aSchool,
  aTemplate,
  aTemplateItem,
} from "@/test/helpers/builders/template";

function explain(appliesTo: AppliesTo | null, school: Partial<SchoolAttributes> = {}) {
  return explainApplicability(aTemplateItem({ appliesTo }), aSchool(school));
}

describe("explainApplicability", () => {
  describe("stages", () => {
    const compulsory: AppliesTo = { stages: ["primary", "junior"] };
    it.each<[SchoolStage, boolean]>([
      ["kindergarten", false],
      ["primary", true],
      ["junior", true],
      ["nine_year", true],
      ["senior", false],
      ["vocational", false],
      ["special", false],
    ])("an item for 小学、初中 applies to a %s school: %s", (stage, applies) => {
      expect(explain(compulsory, { stage }).applies).toBe(applies);
    });

    it.each<[SchoolStage[], boolean]>([
      [["primary"], true],
      [["junior"], true],
      [["nine_year"], true],
      [["senior"], false],
      [["kindergarten", "special"], false],
    ])("an item for %j applies to a nine-year school: %s", (stages, applies) => {
      expect(explain({ stages }, { stage: "nine_year" }).applies).toBe(applies);
    });

    it("does not apply an item for 九年一贯制 to a plain primary school", () => {
      expect(explain({ stages: ["nine_year"] }, { stage: "primary" }).applies).toBe(false);
    });

    it("names the item's stages and the school's when a nine-year school matches", () => {
      expect(explain(compulsory, { stage: "nine_year" }).reasons).toEqual([
        "适用学段：小学、初中（本校：九年一贯制）",
      ]);
    });
  });

  it.each<[string, AppliesTo, Partial<SchoolAttributes>, boolean, string]>([
    [
      "public only, public school",
      { ownership: ["public"] },
      { ownership: "public" },
      true,
      "适用办学性质：公办（本校：公办）",
    ],
    [
      "private only, public school",
      { ownership: ["private"] },
      { ownership: "public" },
      false,
      "适用办学性质：民办（本校：公办）",
    ],
    [
      "self-run or contracted canteen, self-run",
      { canteen: ["self", "contracted"] },
      { canteen: "self" },
      true,
      "适用食堂类型：自营食堂、承包经营（本校：自营食堂）",
    ],
    [
      "self-run or contracted canteen, no canteen",
      { canteen: ["self", "contracted"] },
      { canteen: "none" },
      false,
      "适用食堂类型：自营食堂、承包经营（本校：无食堂）",
    ],
    [
      "catering only, catering",
      { canteen: ["catering"] },
      { canteen: "catering" },
      true,
      "适用食堂类型：校外配餐（本校：校外配餐）",
    ],
    [
      "boarding, boarding school",
      { isBoarding: true },
      { isBoarding: true },
      true,
      "仅适用于寄宿制学校（本校为寄宿制）",
    ],
    [
      "boarding, day school",
      { isBoarding: true },
      { isBoarding: false },
      false,
      "仅适用于寄宿制学校（本校非寄宿制）",
    ],
    [
      "not boarding, boarding school",
      { isBoarding: false },
      { isBoarding: true },
      false,
      "不适用于寄宿制学校（本校为寄宿制）",
    ],
    [
      "bus, school with a bus",
      { hasSchoolBus: true },
      { hasSchoolBus: true },
      true,
      "仅适用于有校车的学校（本校有校车）",
    ],
    [
      "bus, school without",
      { hasSchoolBus: true },
      { hasSchoolBus: false },
      false,
      "仅适用于有校车的学校（本校无校车）",
    ],
    [
      "no bus, school without",
      { hasSchoolBus: false },
      { hasSchoolBus: false },
      true,
      "不适用于有校车的学校（本校无校车）",
    ],
    [
      "village, village school",
      { isVillage: true },
      { isVillage: true },
      true,
      "仅适用于村小和教学点（本校为村小或教学点）",
    ],
    [
      "village, town school",
      { isVillage: true },
      { isVillage: false },
      false,
      "仅适用于村小和教学点（本校不是村小或教学点）",
    ],
    [
      "not village, village school",
      { isVillage: false },
      { isVillage: true },
      false,
      "不适用于村小和教学点（本校为村小或教学点）",
    ],
  ])("explains applicability when %s", (_case, appliesTo, school, applies, reason) => {
    expect(explain(appliesTo, school)).toEqual({ applies, reasons: [reason] });
  });

  it.each<[string, AppliesTo | null]>([
    ["null", null],
    ["an empty predicate", {}],
  ])("applies to every school when appliesTo is %s", (_case, appliesTo) => {
    expect(explain(appliesTo, { stage: "special", canteen: "none" })).toEqual({
      applies: true,
      reasons: ["适用于所有学校"],
    });
  });

  const boardingCanteen: AppliesTo = {
    stages: ["junior", "senior"],
    canteen: ["self"],
    isBoarding: true,
  };

  it("lists every condition when all of them hold", () => {
    expect(
      explain(boardingCanteen, { stage: "senior", canteen: "self", isBoarding: true }),
    ).toEqual({
      applies: true,
      reasons: [
        "适用学段：初中、高中（本校：高中）",
        "适用食堂类型：自营食堂（本校：自营食堂）",
        "仅适用于寄宿制学校（本校为寄宿制）",
      ],
    });
  });

  it("lists only the failed conditions when one of them fails", () => {
    expect(
      explain(boardingCanteen, { stage: "senior", canteen: "catering", isBoarding: true }),
    ).toEqual({
      applies: false,
      reasons: ["适用食堂类型：自营食堂（本校：校外配餐）"],
    });
  });
});

describe("applicableItems", () => {
  it("keeps the items that apply, in template order", () => {
    const forAll = aTemplateItem({ code: "AQ-001" });
    const busOnly = aTemplateItem({ code: "AQ-002", appliesTo: { hasSchoolBus: true } });
    const classSize = aClassSizeItem();
    const template = aTemplate({ items: [forAll, busOnly, classSize] });

    expect(applicableItems(template, aSchool({ stage: "nine_year" }))).toEqual([forAll, classSize]);
    expect(
      applicableItems(template, aSchool({ stage: "kindergarten", hasSchoolBus: true })),
    ).toEqual([forAll, busOnly]);
  });
});
