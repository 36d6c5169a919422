import { describe, expect, it } from "vitest";

import { type SetupFacts, setupSteps } from "@/lib/domain/org/setup";

const EMPTY: SetupFacts = {
  district: null,
  activeSchools: 0,
  schoolsWithoutZone: 0,
  zones: 0,
  inspectors: 0,
  zonesWithoutInspector: 0,
  schoolsWithoutAccount: 0,
  adoptedTemplates: 0,
  hasDeadlinePolicy: false,
};

const summary = (facts: SetupFacts) =>
  setupSteps(facts).map((s) => `${s.isDone ? "✓" : "·"} ${s.title}：${s.status}`);

describe("setupSteps", () => {
  it("has every step open on an empty database", () => {
    expect(summary(EMPTY)).toEqual([
      "· 区县（和所属市）：还没有区县",
      "· 导入学校：还没有学校",
      "· 督学责任区和督学：还没有督学责任区",
      "· 学校账号：先导入学校",
      "· 采用检查模板：还没有采用检查模板",
      "· 整改期限：未设定（目前按默认期限）",
    ]);
  });

  it("says what is still missing once schools and zones exist", () => {
    const facts = {
      ...EMPTY,
      district: { id: "d1", name: "青山区" },
      activeSchools: 40,
      schoolsWithoutZone: 3,
      zones: 2,
      inspectors: 2,
      zonesWithoutInspector: 1,
      schoolsWithoutAccount: 40,
    };
    expect(summary(facts).slice(0, 4)).toEqual([
      "✓ 区县（和所属市）：已创建：青山区",
      "✓ 导入学校：已有 40 所学校",
      "· 督学责任区和督学：2 个责任区、2 名督学；3 所学校未分配责任区；1 个责任区没有督学",
      "· 学校账号：40 所学校还没有账号",
    ]);
    expect(setupSteps(facts)[1]!.href).toBe("/office/schools/import?district=d1");
  });

  it("is done when every fact is in place", () => {
    const steps = setupSteps({
      ...EMPTY,
      district: { id: "d1", name: "青山区" },
      activeSchools: 40,
      zones: 2,
      inspectors: 2,
      adoptedTemplates: 2,
      hasDeadlinePolicy: true,
    });
    expect(steps.every((s) => s.isDone)).toBe(true);
  });
});
