import { describe, expect, it } from "vitest";

import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import {
  defaultFindingChoice,
  deriveFindings,
  type DeriveFindingsInput,
} from "@/lib/domain/template/findings";
import { findingSchema } from "@/lib/domain/template/findings.schema";
import type { TemplateItem } from "@/lib/domain/template/template.schema";
import type { Answer, FindingChoice } from "@/lib/domain/visit/answer.schema";

import { aPhotoId } from "@/test/helpers/builders/rectification";
import {
  aClassSizeItem,
  anAnswer,
  aSchool,
  aTemplate,
  aTemplateItem,
  VISIT_AT,
} from "@/test/helpers/builders/template";

const onSiteCritical: DeadlinePolicy = {
  ...DEFAULT_DEADLINE_POLICY,
  critical: { mode: "on_site" },
};

function derive(overrides: Partial<DeriveFindingsInput> = {}) {
  return deriveFindings({
    templates: [aTemplate()],
    answers: [],
    school: aSchool(),
    policy: DEFAULT_DEADLINE_POLICY,
    visitAt: VISIT_AT,
    ...overrides,
  });
}

/** The findings of one item answered once (visit on 2026-03-02 China time). */
function findingsFor(
  item: TemplateItem,
  answer: Partial<Answer>,
  policy = DEFAULT_DEADLINE_POLICY,
) {
  return derive({
    templates: [aTemplate({ items: [item] })],
    answers: [anAnswer({ itemCode: item.code, ...answer })],
    policy,
  });
}

describe("deriveFindings", () => {
  it("derives a finding from a 不符合 answer with the item's defaults and the policy's deadline", () => {
    const item = aTemplateItem();
    const findings = derive({
      answers: [anAnswer({ result: "fail", note: "访客未登记即入校", photoIds: [aPhotoId("a")] })],
    });

    expect(findings).toEqual([
      {
        templateCode: "campus-safety",
        templateVersion: 1,
        itemCode: "AQ-001",
        section: "封闭管理",
        prompt: item.prompt,
        finding: item.finding,
        basis: item.basis,
        result: "fail",
        severity: "major",
        description: `${item.finding}。访客未登记即入校`,
        requiredAction: item.requirement,
        rectification: { mode: "deadline", dueDate: "2026-03-17" },
        photoIds: [aPhotoId("a")],
        occurredAt: VISIT_AT,
      },
    ]);
    expect(findingSchema.safeParse(findings[0]).success).toBe(true);
  });

  it.each<[string, Partial<Answer>, number]>([
    ["符合", { result: "pass" }, 0],
    ["不适用", { result: "na" }, 0],
    ["no result yet", { result: null }, 0],
    ["部分符合", { result: "partial" }, 1],
    ["不符合", { result: "fail" }, 1],
  ])(
    "derives findings only for 不符合 and 部分符合 when the answer is %s",
    (_case, answer, count) => {
      expect(findingsFor(aTemplateItem(), answer)).toHaveLength(count);
    },
  );

  it("keeps 部分符合 as the finding's result", () => {
    expect(findingsFor(aTemplateItem(), { result: "partial" })[0]?.result).toBe("partial");
  });

  describe("rectification defaults", () => {
    it.each<[string, TemplateItem, DeadlinePolicy, FindingChoice["rectification"]]>([
      [
        "3 days for 重大 by the policy",
        aTemplateItem({ severity: "critical" }),
        DEFAULT_DEADLINE_POLICY,
        { mode: "deadline", dueDate: "2026-03-05" },
      ],
      [
        "30 days for 一般 by the policy",
        aTemplateItem({ severity: "minor" }),
        DEFAULT_DEADLINE_POLICY,
        { mode: "deadline", dueDate: "2026-04-01" },
      ],
      [
        "the item's own days over the policy",
        aTemplateItem({ rectification: { mode: "deadline", days: 7 } }),
        DEFAULT_DEADLINE_POLICY,
        { mode: "deadline", dueDate: "2026-03-09" },
      ],
      [
        "on site when the item says so",
        aTemplateItem({ rectification: { mode: "on_site" } }),
        DEFAULT_DEADLINE_POLICY,
        { mode: "on_site", afterPhotoIds: [] },
      ],
      [
        "on site when the policy says so for 重大",
        aTemplateItem({ severity: "critical" }),
        onSiteCritical,
        { mode: "on_site", afterPhotoIds: [] },
      ],
    ])("plans %s", (_case, item, policy, rectification) => {
      expect(findingsFor(item, { result: "fail" }, policy)[0]?.rectification).toEqual(
        rectification,
      );
    });

    it("counts days from the visit's China date when the visit starts after midnight China time", () => {
      const findings = derive({
        answers: [anAnswer({ result: "fail" })],
        visitAt: Date.UTC(2026, 2, 1, 16, 30), // 2026-03-02 00:30 in China
      });
      expect(findings[0]?.rectification).toEqual({ mode: "deadline", dueDate: "2026-03-17" });
    });
  });

  describe("the inspector's choice", () => {
    it("overrides the item's severity, plan and required action", () => {
      const choice: FindingChoice = {
        severity: "critical",
        rectification: { mode: "on_site", afterPhotoIds: [aPhotoId("f")] },
        requiredAction: "门卫当场补登记并复核来访人员",
      };
      const [finding] = findingsFor(
        aTemplateItem({ rectification: { mode: "deadline", days: 7 } }),
        {
          result: "fail",
          finding: choice,
        },
      );

      expect(finding).toMatchObject({
        severity: "critical",
        rectification: { mode: "on_site", afterPhotoIds: [aPhotoId("f")] },
        requiredAction: "门卫当场补登记并复核来访人员",
      });
    });

    it("keeps its own due date even when the policy is on site", () => {
      const choice: FindingChoice = {
        severity: "critical",
        rectification: { mode: "deadline", dueDate: "2026-03-03" },
        requiredAction: "",
      };
      const [finding] = findingsFor(
        aTemplateItem({ severity: "critical" }),
        { result: "fail", finding: choice },
        onSiteCritical,
      );
      expect(finding?.rectification).toEqual({ mode: "deadline", dueDate: "2026-03-03" });
    });

    it("keeps a 先行管控 item's deadline and asks for the photo of the measure", () => {
      const item = aTemplateItem({ rectification: { mode: "control", days: null } });
      expect(
        defaultFindingChoice(item, DEFAULT_DEADLINE_POLICY, "2026-03-02").rectification,
      ).toEqual({ mode: "control", dueDate: "2026-03-17", controlPhotoIds: [] });
    });

    it("falls back to the default required action when the inspector left it blank", () => {
      const item = aTemplateItem();
      const choice: FindingChoice = {
        ...defaultFindingChoice(item, DEFAULT_DEADLINE_POLICY, "2026-03-02"),
        requiredAction: "  ",
      };
      expect(findingsFor(item, { result: "fail", finding: choice })[0]?.requiredAction).toBe(
        item.requirement,
      );
    });

    it("is ignored when the answer is 符合", () => {
      const choice = defaultFindingChoice(aTemplateItem(), DEFAULT_DEADLINE_POLICY, "2026-03-02");
      expect(findingsFor(aTemplateItem(), { result: "pass", finding: choice })).toEqual([]);
    });
  });

  describe("description", () => {
    it("names the reading and the rule for a number item", () => {
      const item = aClassSizeItem({ finding: "存在 56 人以上大班额。" });
      const [finding] = findingsFor(item, { result: null, value: 57, note: "三年级（2）班" });
      expect(finding?.description).toBe(
        "存在 56 人以上大班额。现场记录：57人（要求 ≤ 56人）。三年级（2）班",
      );
    });

    it("names the chosen option for a choice item", () => {
      const item = aTemplateItem({
        code: "XF-002",
        prompt: "灭火器压力是否正常",
        finding: "灭火器压力不足",
        response: {
          type: "choice",
          options: [
            { value: "ok", label: "压力正常", result: "pass" },
            { value: "low", label: "压力表指针在红区", result: "fail" },
          ],
        },
      });
      expect(findingsFor(item, { result: null, value: "low" })[0]?.description).toBe(
        "灭火器压力不足。现场记录：压力表指针在红区",
      );
    });

    it("is the finding statement alone when there is no note", () => {
      const item = aTemplateItem();
      expect(findingsFor(item, { result: "fail", note: "" })[0]?.description).toBe(
        "外来人员进校未核实登记",
      );
    });
  });

  it("derives a finding from a number reading that breaks the rule, whatever result was stored", () => {
    expect(findingsFor(aClassSizeItem(), { result: "pass", value: 57 })).toHaveLength(1);
    expect(findingsFor(aClassSizeItem(), { result: null, value: 56 })).toEqual([]);
  });

  it("ignores answers to items that do not apply to the school", () => {
    const busItem = aTemplateItem({ appliesTo: { hasSchoolBus: true } });
    const findings = derive({
      templates: [aTemplate({ items: [busItem] })],
      answers: [anAnswer({ result: "fail" })],
      school: aSchool({ hasSchoolBus: false }),
    });
    expect(findings).toEqual([]);
  });

  it("matches answers to their own template and takes the pinned version, in template and item order", () => {
    const safety = aTemplate({
      version: 1,
      items: [
        aTemplateItem({ code: "AQ-001" }),
        aTemplateItem({ code: "AQ-002", section: "门卫" }),
      ],
    });
    const fire = aTemplate({
      code: "fire",
      domain: "fire",
      version: 4,
      items: [aTemplateItem({ code: "AQ-001" })],
    });
    const findings = derive({
      templates: [safety, fire],
      answers: [
        anAnswer({ templateCode: "fire", itemCode: "AQ-001", result: "fail" }),
        anAnswer({ templateCode: "campus-safety", itemCode: "AQ-002", result: "fail" }),
        anAnswer({ templateCode: "campus-safety", itemCode: "AQ-001", result: "pass" }),
      ],
    });

    expect(findings.map((f) => [f.templateCode, f.templateVersion, f.itemCode])).toEqual([
      ["campus-safety", 1, "AQ-002"],
      ["fire", 4, "AQ-001"],
    ]);
  });

  it("ignores answers to templates the visit did not pin", () => {
    expect(derive({ answers: [anAnswer({ templateCode: "fees", result: "fail" })] })).toEqual([]);
  });
});

describe("defaultFindingChoice", () => {
  it.each<[string, TemplateItem, FindingChoice]>([
    [
      "the policy's due date and the item's severity",
      aTemplateItem({ severity: "minor" }),
      {
        severity: "minor",
        rectification: { mode: "deadline", dueDate: "2026-04-01" },
        requiredAction: "",
      },
    ],
    [
      "on site with no after-photos yet",
      aTemplateItem({ rectification: { mode: "on_site" } }),
      {
        severity: "major",
        rectification: { mode: "on_site", afterPhotoIds: [] },
        requiredAction: "",
      },
    ],
  ])("returns %s", (_case, item, expected) => {
    expect(defaultFindingChoice(item, DEFAULT_DEADLINE_POLICY, "2026-03-02")).toEqual(expected);
  });
});
