import { describe, expect, it } from "vitest";

import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import {
  answersByKey,
  buildChecklist,
  itemKey,
  nextUnanswered,
  progressOf,
  searchChecklist,
  submitBlockers,
} from "@/lib/domain/visit/checklist";

import {
  aClassSizeItem,
  anAnswer,
  aSchool,
  aTemplate,
  aTemplateItem,
} from "@/test/helpers/builders/template";
import {
  aPhotoHash,
  aVisit,
  anInspectorSignature,
  aSchoolSignature,
} from "@/test/helpers/builders/visit";

const safety = aTemplate({
  items: [
    aTemplateItem({ code: "AQ-001", section: "门卫管理", prompt: "外来人员进出校园须核实登记" }),
    aTemplateItem({ code: "AQ-002", section: "门卫管理", prompt: "校门口设置防冲撞设施" }),
    aTemplateItem({
      code: "AQ-003",
      section: "宿舍",
      prompt: "宿舍实行封闭管理",
      appliesTo: { isBoarding: true },
    }),
    aTemplateItem({
      code: "AQ-004",
      section: "消防",
      prompt: "消防通道畅通",
      guidance: "查看楼梯间是否堆放杂物",
    }),
  ],
});
const management = aTemplate({
  code: "school-management",
  title: "办学规范检查",
  items: [
    aClassSizeItem(),
    aTemplateItem({ code: "GL-001", section: "门卫管理", prompt: "课后服务公示收费标准" }),
  ],
});
const dayPrimary = aSchool({ stage: "primary", isBoarding: false });
const checklist = buildChecklist([safety, management], dayPrimary);

describe("buildChecklist", () => {
  it("keeps the applicable items in template order, keyed by template and code", () => {
    expect(checklist.entries.map((e) => e.key)).toEqual([
      "campus-safety/AQ-001",
      "campus-safety/AQ-002",
      "campus-safety/AQ-004",
      "school-management/BX-001",
      "school-management/GL-001",
    ]);
  });

  it("groups sections per template, in order of first appearance", () => {
    expect(checklist.sections.map((s) => [s.id, s.keys.length])).toEqual([
      ["campus-safety/门卫管理", 2],
      ["campus-safety/消防", 1],
      ["school-management/大班额", 1],
      ["school-management/门卫管理", 1],
    ]);
  });
});

describe("progressOf", () => {
  it("counts complete answers only, with number items judged by their value", () => {
    const answers = answersByKey([
      anAnswer({ itemCode: "AQ-001", result: "pass" }),
      anAnswer({ itemCode: "AQ-002", result: null }),
      anAnswer({ templateCode: "school-management", itemCode: "BX-001", result: null, value: 58 }),
    ]);
    const keys = checklist.entries.map((e) => e.key);
    expect(progressOf(checklist, answers, keys)).toEqual({ answered: 2, total: 5 });
  });
});

describe("nextUnanswered", () => {
  const answers = answersByKey([
    anAnswer({ itemCode: "AQ-001" }),
    anAnswer({ itemCode: "AQ-004" }),
  ]);

  it.each([
    [null, "campus-safety/AQ-002"],
    [itemKey("campus-safety", "AQ-002"), "school-management/BX-001"],
    [itemKey("school-management", "GL-001"), "campus-safety/AQ-002"],
  ] as const)("after %s is %s (wrapping around)", (from, expected) => {
    expect(nextUnanswered(checklist, answers, from)).toBe(expected);
  });

  it("is null when every item is answered", () => {
    const all = answersByKey(
      checklist.entries.map((e) =>
        e.item.response.type === "number"
          ? anAnswer({
              templateCode: e.templateCode,
              itemCode: e.item.code,
              result: null,
              value: 40,
            })
          : anAnswer({ templateCode: e.templateCode, itemCode: e.item.code }),
      ),
    );
    expect(nextUnanswered(checklist, all, null)).toBeNull();
  });
});

describe("searchChecklist", () => {
  it.each([
    ["门卫", ["campus-safety/AQ-001", "campus-safety/AQ-002", "school-management/GL-001"]],
    ["bx-001", ["school-management/BX-001"]],
    ["楼梯间", ["campus-safety/AQ-004"]],
    ["门卫 收费", ["school-management/GL-001"]],
    ["宿舍", []],
    ["   ", []],
  ])("finds %j in code, wording, section or guidance", (query, expected) => {
    expect(searchChecklist(checklist, query)).toEqual(expected);
  });

  it("ranks items whose code or prompt matches above those matching only the section or hidden guidance", () => {
    const ranked = buildChecklist(
      [
        aTemplate({
          items: [
            aTemplateItem({
              code: "XF-001",
              section: "消防",
              prompt: "灭火器在有效期内",
              guidance: "查看疏散通道标识",
            }),
            aTemplateItem({ code: "XF-002", section: "疏散通道", prompt: "应急照明完好" }),
            aTemplateItem({ code: "XF-003", section: "消防", prompt: "疏散通道畅通" }),
          ],
        }),
      ],
      dayPrimary,
    );
    expect(searchChecklist(ranked, "疏散通道")).toEqual([
      "campus-safety/XF-003",
      "campus-safety/XF-002",
      "campus-safety/XF-001",
    ]);
    expect(searchChecklist(ranked, "xf-002 通道")[0]).toBe("campus-safety/XF-002");
  });
});

describe("submitBlockers", () => {
  const complete = [
    anAnswer({ itemCode: "AQ-001" }),
    anAnswer({ itemCode: "AQ-002" }),
    anAnswer({ itemCode: "AQ-004" }),
    anAnswer({ templateCode: "school-management", itemCode: "BX-001", result: null, value: 50 }),
    anAnswer({ templateCode: "school-management", itemCode: "GL-001" }),
  ];
  const signed = aVisit({
    signatures: { inspector: anInspectorSignature(), school: aSchoolSignature() },
  });
  const input = {
    templates: [safety, management],
    school: dayPrimary,
    policy: DEFAULT_DEADLINE_POLICY,
  };

  it("is empty for a fully answered, signed visit", () => {
    expect(submitBlockers({ ...input, visit: signed, answers: complete })).toEqual([]);
  });

  it("lists 必查 items unanswered and missing photos in checklist order, with their keys", () => {
    const required = {
      ...safety,
      items: safety.items.map((i) => (i.code === "AQ-001" ? { ...i, required: true } : i)),
    };
    const answers = [
      anAnswer({ itemCode: "AQ-002", result: "fail" }),
      anAnswer({ itemCode: "AQ-004", result: "fail", photoIds: [aPhotoHash("1")] }),
    ];
    const blockers = submitBlockers({
      ...input,
      templates: [required, management],
      visit: signed,
      answers,
    });
    // BX-001 and GL-001 are left 未检查: allowed, not blockers.
    expect(
      blockers.map((b) => (b.kind === "item" ? [b.key, b.isUnanswered, b.problems] : b.kind)),
    ).toEqual([
      ["campus-safety/AQ-001", true, ["必查项尚未作答"]],
      ["campus-safety/AQ-002", false, ["不符合时须拍照取证"]],
    ]);
  });

  it.each([
    ["routine", ["缺少督学签名", "缺少学校代表签名"]],
    ["unannounced", ["缺少督学签名"]],
  ] as const)("asks a %s visit for the signatures it needs", (kind, expected) => {
    const blockers = submitBlockers({ ...input, visit: aVisit({ kind }), answers: complete });
    expect(blockers.map((b) => (b.kind === "signature" ? b.problem : b.kind))).toEqual(expected);
  });

  it("asks for the school signer's post", () => {
    const { title: _title, ...untitled } = aSchoolSignature();
    const visit = aVisit({ signatures: { inspector: anInspectorSignature(), school: untitled } });
    const blockers = submitBlockers({ ...input, visit, answers: complete });
    expect(blockers.map((b) => (b.kind === "signature" ? b.problem : b.kind))).toEqual([
      "缺少学校签名人的职务",
    ]);
  });
});
