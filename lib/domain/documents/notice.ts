import { chineseDate, toChinaDate } from "../dates";
import type { DocumentBlock, DocumentPhoto, DocumentSignature, OfficialDocument } from "./document";
import type { DocumentFinding } from "./findings";
import { SEVERITY_LABELS } from "../template/template.labels";
import { VISIT_KIND_LABELS } from "../visit/visit.labels";
import type { Visit } from "../visit/visit.schema";

/** The district's supervision office, as it signs documents (发文机关). */
export function supervisionOffice(districtName: string): string {
  return `${districtName}人民政府教育督导室`;
}

/** Printed where the 文号 goes on a preview made before the visit is submitted. */
export const PREVIEW_NUMBER = "（文号提交后生成）";
export const PREVIEW_NOTICE = "预览：根据本机数据生成，提交并同步后以系统下发的通知书为准。";

export type NoticeDocumentInput = {
  districtName: string;
  /** 示范督改〔2026〕第3号; null for a preview before submitting. */
  number: string | null;
  /** The school's full name (主送). */
  schoolName: string;
  visit: Pick<Visit, "kind" | "startedAt" | "signatures">;
  inspectorName: string;
  findings: readonly DocumentFinding[];
  /** 成文日期: when the notice was issued (for a preview: now). */
  issuedAt: number;
  /** Where the school answers the notice (the QR code); null for a preview. */
  qrUrl: string | null;
};

/** Finding fields in the order a 整改通知书 lists them. */
export function findingFields(finding: DocumentFinding) {
  return [
    ...(finding.observation ? [{ label: "现场情况", value: finding.observation }] : []),
    ...(finding.basis.length > 0 ? [{ label: "检查依据", value: finding.basis.join("；") }] : []),
    { label: "整改要求", value: finding.requirement },
    { label: "整改期限", value: finding.deadline },
    { label: "问题等级", value: SEVERITY_LABELS[finding.severity] },
  ];
}

/** Both on-site signatures: the inspector's and the school representative's. */
export function signaturesOf(signatures: Visit["signatures"]): DocumentSignature[] {
  const school = signatures.school;
  return [
    {
      role: "督学",
      name: signatures.inspector
        ? [signatures.inspector.name, signatures.inspector.coInspectorName]
            .filter(Boolean)
            .join("、")
        : null,
      photoId: signatures.inspector?.photoId ?? null,
    },
    {
      role: "学校代表",
      name: school ? (school.title ? `${school.name}（${school.title}）` : school.name) : null,
      photoId: school?.photoId ?? null,
    },
  ];
}

/**
 * Each finding's photos, numbered "2-1", "2-2" under the finding's number. In an attachment the
 * caption names the finding; printed under the finding itself it only says what the photo shows.
 */
export function findingPhotos(
  finding: DocumentFinding,
  number: string,
  where: "attachment" | "entry",
): DocumentPhoto[] {
  const what = (after: boolean) =>
    where === "attachment"
      ? `${after ? "整改后：" : ""}${finding.statement}`
      : after
        ? "整改后照片"
        : "现场照片";
  return [
    ...finding.photoIds.map((photoId, i) => ({
      photoId,
      caption: `${number}-${i + 1} ${what(false)}`,
    })),
    ...finding.afterPhotoIds.map((photoId, i) => ({
      photoId,
      caption: `${number}-${finding.photoIds.length + i + 1} ${what(true)}`,
    })),
  ];
}

/** The 整改通知书 as a 公文 (GB/T 9704): 版头, 标题, 主送, 正文, 附件说明, 署名, 成文日期, 附件. */
export function noticeDocument(input: NoticeDocumentInput): OfficialDocument {
  const issuer = supervisionOffice(input.districtName);
  const count = input.findings.length;
  const photos = input.findings.flatMap((f, i) => findingPhotos(f, String(i + 1), "attachment"));
  const visitDate = chineseDate(toChinaDate(input.visit.startedAt));
  const blocks: DocumentBlock[] = [
    { kind: "masthead", issuer, number: input.number ?? PREVIEW_NUMBER },
    { kind: "title", text: `关于${input.schoolName}督导检查发现问题整改的通知` },
    { kind: "paragraph", spans: [{ text: `${input.schoolName}：` }], indent: false },
    {
      kind: "paragraph",
      spans: [
        {
          text:
            `${visitDate}，本室责任督学${input.inspectorName}对你校进行了` +
            `${VISIT_KIND_LABELS[input.visit.kind]}，发现问题${count}个。现将问题及整改要求通知如下：`,
        },
      ],
      indent: true,
    },
    ...input.findings.map((finding, i): DocumentBlock => ({
      kind: "entry",
      number: `${i + 1}.`,
      title: finding.statement,
      fields: findingFields(finding),
      photos: [],
    })),
    {
      kind: "paragraph",
      spans: [
        {
          text:
            "请你校对照上述问题逐项整改：限期整改的问题在整改期限内整改到位，通过督学巡检系统提交整改报告" +
            "（附整改后照片），接受复查；已立行立改的问题做好巩固，防止反弹。",
        },
      ],
      indent: true,
    },
    { kind: "paragraph", spans: [{ text: "特此通知。" }], indent: true },
    ...(photos.length > 0
      ? [
          {
            kind: "paragraph",
            spans: [{ text: `附件：问题照片（${photos.length}张）` }],
            indent: true,
          } satisfies DocumentBlock,
        ]
      : []),
    {
      kind: "signOff",
      signatures: signaturesOf(input.visit.signatures),
      issuer,
      date: chineseDate(toChinaDate(input.issuedAt)),
      seal: true,
      qr: input.qrUrl ? { url: input.qrUrl, caption: "扫码查看通知并提交整改报告" } : null,
    },
    ...(photos.length > 0
      ? [{ kind: "attachment", label: "附件", title: "问题照片", photos } satisfies DocumentBlock]
      : []),
  ];
  return {
    name: `整改通知书 ${input.number ?? "预览"}`,
    footer: input.number ?? "整改通知书（预览）",
    draftNotice: input.number === null ? PREVIEW_NOTICE : null,
    blocks,
  };
}
