import type { SchoolAttributes } from "@/lib/domain/org/org.schema";
import type { Template, TemplateItem } from "@/lib/domain/template/template.schema";
import type { Answer } from "@/lib/domain/visit/answer.schema";

/** 2026-03-02 09:00 China time (01:00 UTC). */
export const VISIT_AT = Date.UTC(2026, 2, 2, 1, 0);

/** A judgement item for every school: 较重, 限期整改 by the district policy, photo on 不符合. */
export function aTemplateItem(overrides: Partial<TemplateItem> = {}): TemplateItem {
  return {
    code: "AQ-001",
    section: "封闭管理",
    prompt: "外来人员进校是否经核实登记",
    guidance: "查看门卫室访客登记簿，询问门卫登记流程，观察校门是否常闭",
    finding: "外来人员进校未核实登记",
    requirement: "落实门卫值守和外来人员进校核实登记制度",
    basis: [
      {
        title: "中小学幼儿园安全管理办法",
        docNo: "教育部等十部门令第23号",
        article: "第十八条",
        status: "现行有效",
      },
    ],
    provenance: "",
    frameworks: ["挂牌督导·校园及周边安全", "安全工作专项督导"],
    response: { type: "judgement" },
    appliesTo: null,
    severity: "major",
    rectification: { mode: "deadline", days: null },
    evidence: "photo_on_fail",
    ...overrides,
  };
}

/** A 班额 number item: at most 56 pupils a class, breaking it is 不符合. */
export function aClassSizeItem(overrides: Partial<TemplateItem> = {}): TemplateItem {
  return aTemplateItem({
    code: "BX-001",
    section: "大班额",
    prompt: "人数最多的班级有多少名学生（不超过 56 人为符合）",
    guidance: "抽查人数最多的班级，核对点名册与在班人数",
    finding: "存在 56 人以上大班额",
    requirement: "制定消除大班额计划，新招班级班额不超过 45 人（小学）、50 人（初中）",
    basis: [],
    provenance: "地方实践：消除大班额工作要求",
    response: { type: "number", unit: "人", rule: { op: "lte", value: 56, failResult: "fail" } },
    appliesTo: { stages: ["primary", "junior"] },
    ...overrides,
  });
}

/** Published v1 of the campus-safety template with one item. */
export function aTemplate(overrides: Partial<Template> = {}): Template {
  return {
    code: "campus-safety",
    title: "校园安全检查",
    domain: "campus_safety",
    description: "",
    items: [aTemplateItem()],
    version: 1,
    status: "published",
    publishedAt: Date.UTC(2026, 0, 5, 2, 0),
    ...overrides,
  };
}

/** A public day primary school in town with a self-run canteen and no school bus. */
export function aSchool(overrides: Partial<SchoolAttributes> = {}): SchoolAttributes {
  return {
    stage: "primary",
    ownership: "public",
    isVillage: false,
    isBoarding: false,
    canteen: "self",
    hasSchoolBus: false,
    studentCount: 1200,
    classCount: 24,
    ...overrides,
  };
}

/** A 符合 answer to AQ-001 of campus-safety, without photos or a finding choice. */
export function anAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    templateCode: "campus-safety",
    itemCode: "AQ-001",
    result: "pass",
    value: null,
    note: "",
    photoIds: [],
    finding: null,
    answeredAt: VISIT_AT,
    ...overrides,
  };
}
