import { describe, expect, it } from "vitest";

import type { DocumentBlock, OfficialDocument } from "@/lib/domain/documents/document";
import { photosOf } from "@/lib/domain/documents/document";
import { documentFindings } from "@/lib/domain/documents/findings";
import { noticeDocument, PREVIEW_NUMBER } from "@/lib/domain/documents/notice";
import { visitRecordDocument } from "@/lib/domain/documents/visit-record";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";

import { aRectificationItem } from "../../../helpers/builders/rectification";
import {
  aClassSizeItem,
  anAnswer,
  aSchool,
  aTemplate,
  aTemplateItem,
  VISIT_AT,
} from "../../../helpers/builders/template";
import { aLocation, aPhotoHash, aSubmittedVisit, aVisit } from "../../../helpers/builders/visit";

const template = aTemplate({
  items: [
    aTemplateItem(),
    aTemplateItem({
      code: "AQ-002",
      prompt: "校门是否常闭",
      finding: "校门未常闭",
      requirement: "校门常闭，设专人值守",
    }),
    aClassSizeItem(),
  ],
});
const answers = [
  anAnswer({ result: "fail", note: "访客登记簿近一周空白。", photoIds: [aPhotoHash("1")] }),
  anAnswer({ itemCode: "AQ-002", result: "na", note: "寒假期间" }),
  anAnswer({ itemCode: "BX-001", value: 58, result: null }),
];
const findings = documentFindings({
  templates: [template],
  answers,
  school: aSchool(),
  policy: DEFAULT_DEADLINE_POLICY,
  visitAt: VISIT_AT,
});

const kinds = (document: OfficialDocument) => document.blocks.map((b) => b.kind);
const texts = (document: OfficialDocument) => JSON.stringify(document.blocks);
const block = <K extends DocumentBlock["kind"]>(document: OfficialDocument, kind: K) =>
  document.blocks.find((b): b is Extract<DocumentBlock, { kind: K }> => b.kind === kind)!;

describe("documentFindings", () => {
  it("words each finding as a statement with the reading, the note, citations and requirement", () => {
    expect(findings.map((f) => f.statement)).toEqual([
      "外来人员进校未核实登记",
      "存在 56 人以上大班额",
    ]);
    expect(findings[0]).toMatchObject({
      observation: "访客登记簿近一周空白",
      basis: ["《中小学幼儿园安全管理办法》（教育部等十部门令第23号）第十八条"],
      requirement: "落实门卫值守和外来人员进校核实登记制度",
      photoIds: [aPhotoHash("1")],
    });
    expect(findings[1]).toMatchObject({ observation: "现场记录：58人（要求 ≤ 56人）", basis: [] });
  });

  it("takes deadlines and decisions from the issued items, in the notice's order", () => {
    const issued = [
      aRectificationItem({
        itemCode: "BX-001",
        templateCode: "campus-safety",
        dueDate: "2026-05-01",
        mode: "deadline",
      }),
      aRectificationItem({
        itemCode: "AQ-001",
        templateCode: "campus-safety",
        mode: "on_site",
        dueDate: null,
        status: "closed",
      }),
    ];
    const printed = documentFindings(
      {
        templates: [template],
        answers,
        school: aSchool(),
        policy: DEFAULT_DEADLINE_POLICY,
        visitAt: VISIT_AT,
      },
      issued,
    );
    expect(printed.map((f) => [f.itemCode, f.deadline])).toEqual([
      ["BX-001", "2026年5月1日前完成整改"],
      ["AQ-001", "已立行立改"],
    ]);
  });
});

describe("noticeDocument", () => {
  const input = {
    districtName: "示范区",
    number: "示范督改〔2026〕第3号",
    schoolName: "示范区实验小学",
    visit: aSubmittedVisit(),
    inspectorName: "张督学",
    findings,
    issuedAt: VISIT_AT + 86_400_000,
    qrUrl: "http://localhost/school/notices/x",
  };

  it("has the 公文 elements in GB/T 9704 order, the attachment last", () => {
    const document = noticeDocument(input);
    expect(kinds(document)).toEqual([
      "masthead",
      "title",
      "paragraph",
      "paragraph",
      "entry",
      "entry",
      "paragraph",
      "paragraph",
      "paragraph",
      "signOff",
      "attachment",
    ]);
    expect(block(document, "masthead")).toEqual({
      kind: "masthead",
      issuer: "示范区人民政府教育督导室",
      number: "示范督改〔2026〕第3号",
    });
    expect(texts(document)).toContain("示范区实验小学：");
    expect(texts(document)).toContain("附件：问题照片（1张）");
    expect(block(document, "signOff")).toMatchObject({
      issuer: "示范区人民政府教育督导室",
      date: "2026年3月3日",
      seal: true,
      signatures: [
        { role: "督学", name: "张督学", photoId: aPhotoHash("5") },
        { role: "学校代表", name: "李校长（校长）", photoId: aPhotoHash("6") },
      ],
    });
    expect(block(document, "attachment").photos).toEqual([
      { photoId: aPhotoHash("1"), caption: "1-1 外来人员进校未核实登记" },
    ]);
    expect(photosOf(document)).toEqual([aPhotoHash("5"), aPhotoHash("6"), aPhotoHash("1")]);
    expect(texts(document)).not.toContain("是否");
  });

  it("prints no basis field for local practice, and a preview has no number or QR code", () => {
    const document = noticeDocument({ ...input, number: null, qrUrl: null });
    expect(block(document, "masthead").number).toBe(PREVIEW_NUMBER);
    expect(document.draftNotice).toContain("预览");
    expect(block(document, "signOff").qr).toBeNull();
    const entries = document.blocks.filter((b) => b.kind === "entry");
    expect(entries[1]!.kind === "entry" && entries[1]!.fields.map((f) => f.label)).toEqual([
      "现场情况",
      "整改要求",
      "整改期限",
      "问题等级",
    ]);
  });
});

describe("visitRecordDocument", () => {
  it("lists the visit's facts, results per section, findings with photos and items not checked", () => {
    const document = visitRecordDocument({
      districtName: "示范区",
      schoolName: "示范区实验小学",
      school: aSchool(),
      visit: aSubmittedVisit({ location: aLocation({ lat: 30.5, lng: 114.25, accuracy: 12 }) }),
      inspectorNames: ["张督学"],
      templates: [template],
      answers,
      findings,
      noticeNumber: "示范督改〔2026〕第3号",
    });
    expect(block(document, "facts").rows.map((r) => [r.label, r.value])).toEqual([
      ["被检查学校", "示范区实验小学"],
      ["督导类型", "挂牌督导"],
      ["检查时间", "2026年3月2日 09:00—10:02（在校1小时2分钟）"],
      ["督学", "张督学"],
      ["检查表", "《校园安全检查》第1版"],
      ["检查位置", "北纬30.50000°，东经114.25000°（精度约12米）"],
      ["整改通知书", "示范督改〔2026〕第3号"],
    ]);
    const tables = document.blocks.filter((b) => b.kind === "table");
    expect(tables[0]!.kind === "table" && tables[0]!.rows.map((r) => r.cells)).toEqual([
      ["封闭管理", "0", "0", "1", "1", "0"],
      ["大班额", "0", "0", "1", "0", "0"],
      ["校园安全检查 合计", "0", "0", "2", "1", "0"],
    ]);
    expect(tables[1]!.kind === "table" && tables[1]!.rows.map((r) => r.cells)).toEqual([
      ["AQ-002", "校门常闭，设专人值守", "现场标为不适用：寒假期间"],
    ]);
    const entries = document.blocks.filter((b) => b.kind === "entry");
    expect(entries[0]!.kind === "entry" && entries[0]!.photos).toEqual([
      { photoId: aPhotoHash("1"), caption: "1-1 现场照片" },
    ]);
    expect(texts(document)).not.toContain("是否");
    expect(document.draftNotice).toBeNull();
  });

  it("marks a draft's record as a preview", () => {
    const document = visitRecordDocument({
      districtName: "示范区",
      schoolName: "示范区实验小学",
      school: aSchool(),
      visit: aVisit(),
      inspectorNames: ["张督学"],
      templates: [template],
      answers: [],
      findings: [],
      noticeNumber: null,
    });
    expect(document.draftNotice).toContain("尚未提交");
    expect(block(document, "facts").rows.at(-1)).toEqual({
      label: "整改通知书",
      value: "提交后生成",
    });
    expect(texts(document)).toContain("本次检查未发现问题。");
  });
});
