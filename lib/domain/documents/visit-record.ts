import { chinaTime, chineseDate, toChinaDate } from "../dates";
import {
  paragraph,
  type DocumentBlock,
  type DocumentField,
  type OfficialDocument,
} from "./document";
import type { DocumentFinding } from "./findings";
import { findingFields, findingPhotos, signaturesOf, supervisionOffice } from "./notice";
import type { SchoolAttributes } from "../org/org.schema";
import { answersByItemCode, effectiveResult } from "../template/answer-rules";
import { applicableItems } from "../template/applicability";
import { scoreVisit, type VisitScore } from "../template/scoring";
import type { Template, TemplateItem } from "../template/template.schema";
import type { Answer } from "../visit/answer.schema";
import { uncheckedItems } from "../visit/scope";
import { VISIT_KIND_LABELS } from "../visit/visit.labels";
import type { GeoPoint, Visit } from "../visit/visit.schema";

export type VisitRecordInput = {
  districtName: string;
  schoolName: string;
  school: SchoolAttributes;
  visit: Visit;
  /** Names of the visit's inspectors (the one who ran it first). */
  inspectorNames: readonly string[];
  /** The visit's pinned template versions, in the visit's order. */
  templates: readonly Template[];
  answers: readonly Answer[];
  findings: readonly DocumentFinding[];
  /** The notice issued for the visit; null when none was (no findings, or not yet submitted). */
  noticeNumber: string | null;
};

const DRAFT_NOTICE = "预览：根据本机数据生成，检查尚未提交，内容仍可修改。";

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}小时${minutes % 60}分钟` : `${minutes}分钟`;
}

/** "2026年3月2日 09:00—11:30（在校 2小时30分钟）". */
function timeOnSite(visit: Visit): string {
  const start = `${chineseDate(toChinaDate(visit.startedAt))} ${chinaTime(visit.startedAt)}`;
  const end = visit.endedAt ?? visit.submittedAt;
  if (end === null) return `${start} 开始`;
  const sameDay = toChinaDate(end) === toChinaDate(visit.startedAt);
  const endText = sameDay ? chinaTime(end) : `${chineseDate(toChinaDate(end))} ${chinaTime(end)}`;
  return `${start}—${endText}（在校${duration(end - visit.startedAt)}）`;
}

function place(location: GeoPoint): string {
  const lat = `${location.lat >= 0 ? "北纬" : "南纬"}${Math.abs(location.lat).toFixed(5)}°`;
  const lng = `${location.lng >= 0 ? "东经" : "西经"}${Math.abs(location.lng).toFixed(5)}°`;
  return `${lat}，${lng}（精度约${Math.round(location.accuracy)}米）`;
}

function scoreRow(label: string, score: VisitScore, emphasis: boolean) {
  const { counts } = score;
  return {
    cells: [
      label,
      String(counts.pass),
      String(counts.partial),
      String(counts.fail),
      String(counts.na),
      score.score === null ? "—" : String(score.score),
    ],
    emphasis,
  };
}

/** Per checklist: one row per section, then the checklist's total. */
function resultRows(input: VisitRecordInput) {
  return input.templates.flatMap((template) => {
    const items = applicableItems(template, input.school);
    const answers = input.answers.filter((a) => a.templateCode === template.code);
    const sections = [...new Set(items.map((i) => i.section))];
    return [
      ...sections.map((section) =>
        scoreRow(
          section,
          scoreVisit(
            items.filter((i) => i.section === section),
            answers,
          ),
          false,
        ),
      ),
      scoreRow(`${template.title} 合计`, scoreVisit(items, answers), true),
    ];
  });
}

/**
 * Applicable items the inspector marked 不适用 or did not check: the server's 未检查 list once it
 * accepted the visit, else (a draft's preview) the items without a complete answer.
 */
function uncheckedRows(input: VisitRecordInput) {
  const unchecked = new Set(
    (
      input.visit.unchecked ??
      uncheckedItems({ templates: input.templates, school: input.school, answers: input.answers })
    ).map((ref) => `${ref.templateCode}/${ref.itemCode}`),
  );
  return input.templates.flatMap((template) => {
    const byCode = answersByItemCode(input.answers.filter((a) => a.templateCode === template.code));
    return applicableItems(template, input.school).flatMap((item: TemplateItem) => {
      const answer = byCode.get(item.code);
      const isUnchecked = unchecked.has(`${template.code}/${item.code}`);
      const result = effectiveResult(item, answer);
      if (!isUnchecked && result !== "na") return [];
      const why = isUnchecked ? "未检查" : "现场标为不适用";
      return [
        {
          cells: [item.code, item.requirement, why + (answer?.note ? `：${answer.note}` : "")],
          emphasis: false,
        },
      ];
    });
  });
}

function uncheckedSummary(rows: readonly { cells: string[] }[]): string {
  const notChecked = rows.filter((r) => r.cells[2]?.startsWith("未检查")).length;
  const na = rows.length - notChecked;
  return [
    notChecked > 0 ? `本次未检查${notChecked}项` : null,
    na > 0 ? `现场标为不适用${na}项` : null,
  ]
    .filter(Boolean)
    .join("，")
    .concat("，明细如下：");
}

/** The 督导检查记录 of one visit: who, when, where, what was checked, the results and findings, signatures. */
export function visitRecordDocument(input: VisitRecordInput): OfficialDocument {
  const { visit } = input;
  const notApplicable = input.templates.reduce(
    (sum, t) => sum + t.items.length - applicableItems(t, input.school).length,
    0,
  );
  const facts: DocumentField[] = [
    { label: "被检查学校", value: input.schoolName },
    { label: "督导类型", value: VISIT_KIND_LABELS[visit.kind] },
    { label: "检查时间", value: timeOnSite(visit) },
    { label: "督学", value: input.inspectorNames.join("、") },
    {
      label: "检查表",
      value: input.templates.map((t) => `《${t.title}》第${t.version}版`).join("、"),
    },
    ...(visit.location ? [{ label: "检查位置", value: place(visit.location) }] : []),
    {
      label: "整改通知书",
      value:
        input.noticeNumber ??
        (visit.status === "draft"
          ? "提交后生成"
          : input.findings.length === 0
            ? "未发现问题，未下发"
            : "待下发"),
    },
  ];
  const unchecked = uncheckedRows(input);
  const blocks: DocumentBlock[] = [
    { kind: "masthead", issuer: supervisionOffice(input.districtName), number: "" },
    { kind: "title", text: "督导检查记录" },
    { kind: "facts", rows: facts },
    { kind: "heading", text: "一、检查结果" },
    {
      kind: "table",
      columns: ["类别", "符合", "部分符合", "不符合", "不适用", "得分"],
      rows: resultRows(input),
    },
    { kind: "heading", text: `二、发现的问题（${input.findings.length}个）` },
    ...(input.findings.length === 0
      ? [paragraph("本次检查未发现问题。")]
      : input.findings.map((finding, i): DocumentBlock => ({
          kind: "entry",
          number: `${i + 1}.`,
          title: finding.statement,
          fields: findingFields(finding),
          photos: findingPhotos(finding, String(i + 1), "entry"),
        }))),
    { kind: "heading", text: "三、未检查项目" },
    ...(unchecked.length === 0
      ? [paragraph("适用的检查项均已检查。")]
      : [
          paragraph(uncheckedSummary(unchecked)),
          {
            kind: "table",
            columns: ["编号", "检查要求", "情况"],
            rows: unchecked,
          } satisfies DocumentBlock,
        ]),
    ...(notApplicable > 0
      ? [paragraph(`另有${notApplicable}项按学校情况不适用，未列入本次检查。`, { muted: true })]
      : []),
    { kind: "heading", text: "四、检查小结" },
    paragraph(visit.summary.trim() || "（未填写）"),
    {
      kind: "signOff",
      signatures: signaturesOf(visit.signatures),
      issuer: null,
      date: chineseDate(toChinaDate(visit.submittedAt ?? visit.updatedAt)),
      seal: false,
      qr: null,
    },
  ];
  const day = chineseDate(toChinaDate(visit.startedAt));
  return {
    name: `督导检查记录 ${input.schoolName} ${day}`,
    footer: `督导检查记录 · ${input.schoolName} · ${day}`,
    draftNotice: visit.status === "draft" ? DRAFT_NOTICE : null,
    blocks,
  };
}
