import { describe, expect, it } from "vitest";

import { answersByKey, buildChecklist, itemKey } from "@/lib/domain/visit/checklist";
import {
  abandonRefusal,
  applicableSections,
  bulkPassKeys,
  proposedTemplateCodes,
  uncheckedItems,
} from "@/lib/domain/visit/scope";
import { applyVisitMutation, startVisit, submitVisit } from "@/lib/domain/visit/visit";
import { visitSchema } from "@/lib/domain/visit/visit.schema";

import {
  aClassSizeItem,
  anAnswer,
  aSchool,
  aTemplate,
  aTemplateItem,
} from "@/test/helpers/builders/template";
import {
  aStartInput,
  aSubmittedVisit,
  aVisit,
  anInspectorSignature,
  aSchoolSignature,
  idSequence,
  STARTED_AT,
} from "@/test/helpers/builders/visit";

const safety = aTemplate({
  items: [
    aTemplateItem({ code: "AQ-001", section: "门卫管理" }),
    aTemplateItem({ code: "AQ-002", section: "门卫管理" }),
    aTemplateItem({ code: "AQ-003", section: "宿舍", appliesTo: { isBoarding: true } }),
    aTemplateItem({ code: "AQ-004", section: "消防" }),
    aClassSizeItem({ section: "消防" }),
  ],
});
const dayPrimary = aSchool({ stage: "primary", isBoarding: false });

describe("proposedTemplateCodes", () => {
  const proposals = { routine: ["campus-safety", "food-safety"], campaign: ["fees"] };
  const available = ["campus-safety", "fees", "school-management"];

  it.each([
    ["routine", ["campus-safety"]],
    ["campaign", ["fees"]],
    ["follow_up", []],
    ["unannounced", []],
    ["joint", []],
  ] as const)(
    "proposes for a %s visit only its own checklists that are available",
    (kind, codes) => {
      expect(proposedTemplateCodes(kind, proposals, available)).toEqual(codes);
    },
  );

  it("proposes nothing when the district has not set its 挂牌督导 checklists", () => {
    expect(proposedTemplateCodes("routine", { routine: [], campaign: [] }, available)).toEqual([]);
  });
});

describe("applicableSections", () => {
  it("lists the sections with items for the school, in order, with their sizes", () => {
    expect(applicableSections(safety, dayPrimary)).toEqual([
      { id: "campus-safety/门卫管理", title: "门卫管理", itemCount: 2 },
      { id: "campus-safety/消防", title: "消防", itemCount: 2 },
    ]);
  });

  it("leaves excluded sections out of the checklist walk", () => {
    const checklist = buildChecklist([safety], dayPrimary, ["campus-safety/消防"]);
    expect(checklist.sections.map((s) => s.title)).toEqual(["门卫管理"]);
    expect(checklist.entries.map((e) => e.item.code)).toEqual(["AQ-001", "AQ-002"]);
  });
});

describe("uncheckedItems", () => {
  it("lists every applicable item without a complete answer, left-out sections included", () => {
    const answers = [
      anAnswer({ itemCode: "AQ-001", result: "pass" }),
      anAnswer({ itemCode: "AQ-002", result: null }),
      anAnswer({ itemCode: "BX-001", result: null, value: 40 }),
    ];
    expect(uncheckedItems({ templates: [safety], school: dayPrimary, answers })).toEqual([
      { templateCode: "campus-safety", itemCode: "AQ-002" },
      { templateCode: "campus-safety", itemCode: "AQ-004" },
    ]);
  });

  it("is empty when everything applicable is answered", () => {
    const answers = ["AQ-001", "AQ-002", "AQ-004"].map((itemCode) => anAnswer({ itemCode }));
    answers.push(anAnswer({ itemCode: "BX-001", result: null, value: 40 }));
    expect(uncheckedItems({ templates: [safety], school: dayPrimary, answers })).toEqual([]);
  });
});

describe("bulkPassKeys", () => {
  const checklist = buildChecklist([safety], dayPrimary);
  const fire = checklist.sections.find((s) => s.title === "消防")!;
  const gate = checklist.sections.find((s) => s.title === "门卫管理")!;

  it("marks only unanswered judgement items: a number item needs its reading", () => {
    expect(bulkPassKeys(checklist, new Map(), fire.keys)).toEqual([
      itemKey("campus-safety", "AQ-004"),
    ]);
  });

  it("leaves items answered by hand, whatever their result", () => {
    const answers = answersByKey([anAnswer({ itemCode: "AQ-001", result: "fail" })]);
    expect(bulkPassKeys(checklist, answers, gate.keys)).toEqual([
      itemKey("campus-safety", "AQ-002"),
    ]);
  });
});

describe("abandonRefusal", () => {
  it("lets a draft be abandoned", () => {
    expect(abandonRefusal(aVisit())).toBeNull();
  });

  it("refuses a submitted visit", () => {
    expect(abandonRefusal(aSubmittedVisit())).toBe("检查已提交，不能放弃");
  });
});

describe("visit scope rules", () => {
  it("lets a 复查 pin no checklist, and no other kind", () => {
    expect(visitSchema.safeParse(aVisit({ kind: "follow_up", templates: [] })).success).toBe(true);
    const routine = startVisit(aStartInput({ templates: [] }), idSequence(), STARTED_AT);
    expect(routine).toMatchObject({ ok: false, message: "请至少选择一个检查表" });
    const followUp = startVisit(
      aStartInput({ kind: "follow_up", templates: [] }),
      idSequence(),
      STARTED_AT,
    );
    expect(followUp.ok).toBe(true);
  });

  it("keeps the sections left out at start", () => {
    const started = startVisit(
      aStartInput({ excludedSections: ["campus-safety/消防"] }),
      idSequence(),
      STARTED_AT,
    );
    expect(started.ok && started.visit.excludedSections).toEqual(["campus-safety/消防"]);
  });

  it("refuses a submit whose school signer has no post", () => {
    const { title: _title, ...untitled } = aSchoolSignature();
    const change = submitVisit(
      aVisit(),
      { signatures: { inspector: anInspectorSignature(), school: untitled }, summary: "" },
      idSequence(),
      STARTED_AT + 60_000,
    );
    expect(change).toMatchObject({ ok: false, message: "请填写学校签名人的职务" });
  });

  it("keeps a second inspector's name with the inspector's signature", () => {
    const signatures = {
      inspector: anInspectorSignature({ coInspectorName: "李四" }),
      school: aSchoolSignature(),
    };
    const change = submitVisit(aVisit(), { signatures, summary: "" }, idSequence(), STARTED_AT);
    expect(change.ok && change.visit.signatures.inspector?.coInspectorName).toBe("李四");
    expect(change.ok && applyVisitMutation(aVisit(), change.mutation).ok).toBe(true);
  });
});
