/**
 * The 整改通知书 as an A4 PDF (pdfkit, Noto Sans SC from npm), generated on demand: it takes a few
 * hundred milliseconds and always shows the items' current deadlines, so nothing is cached.
 * Chinese wraps correctly without help: pdfkit breaks lines by Unicode line-breaking rules (UAX #14),
 * which allow a break between any two ideographs and keep 。，、 off the start of a line.
 */
import "server-only";

import path from "node:path";
import { readFileSync } from "node:fs";

import PDFDocument from "pdfkit";
import QRCode from "qrcode";

import { chineseDate, toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { noticeDeadlineText } from "@/lib/domain/rectification/notice-text";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.schema";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.schema";

import type { Executor } from "../db/client";
import { serverEnv } from "../env";
import { failure, type Failure } from "./failure";
import { getNotice, type NoticeDetail } from "./queries";

const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const;

/** Read once per process: each face is about 10 MB; pdfkit embeds only the glyphs a notice uses. */
const fontCache = new Map<keyof typeof FONT_FILES, Buffer>();
function font(face: keyof typeof FONT_FILES): Buffer {
  let bytes = fontCache.get(face);
  if (!bytes) {
    bytes = readFileSync(path.join(FONT_DIR, FONT_FILES[face]));
    fontCache.set(face, bytes);
  }
  return bytes;
}

const MARGIN = 64; // ≈ 2.25 cm, close to the 公文 page margins
const INK = "#111111";
const MUTED = "#555555";

/** The school's page for the notice, which the QR code opens. */
export function noticePageUrl(noticeId: string): string {
  return `${serverEnv().baseUrl}/school/notices/${noticeId}`;
}

export type NoticePdfInput = {
  notice: NoticeDetail;
  /** Encoded in the QR code: where the school answers the notice. */
  pageUrl: string;
};

function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** Renders the notice; the text is the same as the A4 page the school sees. */
export async function renderNoticePdf({ notice, pageUrl }: NoticePdfInput): Promise<Buffer> {
  const issuer = `${notice.districtName}教育督导室`;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `整改通知书 ${notice.number}`, Author: issuer, Subject: notice.schoolName },
  });
  const done = collectPdf(doc);
  doc.registerFont("regular", font("regular"));
  doc.registerFont("bold", font("bold"));
  const width = doc.page.width - 2 * MARGIN;

  doc
    .font("bold")
    .fontSize(22)
    .fillColor(INK)
    .text("整改通知书", { align: "center", characterSpacing: 4 });
  doc
    .moveDown(0.3)
    .font("regular")
    .fontSize(11)
    .fillColor(MUTED)
    .text(notice.number, { align: "center" });
  doc.moveDown(1.2).font("bold").fontSize(13).fillColor(INK).text(`${notice.schoolName}：`);
  const issued = chineseDate(toChinaDate(notice.issuedAt));
  doc
    .moveDown(0.4)
    .font("regular")
    .fontSize(12)
    .text(
      `${chineseDate(toChinaDate(notice.visitedAt))}，责任督学${notice.issuedByName}对你校进行了` +
        `${VISIT_KIND_LABELS[notice.visitKind]}，发现以下 ${notice.items.length} 个问题。` +
        "请对照检查依据逐项整改，在整改期限内通过督学巡检系统提交整改报告（附整改后照片），并接受复查。",
      { indent: 24, lineGap: 4 },
    );

  for (const [index, item] of notice.items.entries()) {
    // Keep an item's heading with the start of its text.
    if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
    doc
      .moveDown(0.8)
      .font("bold")
      .fontSize(12)
      .fillColor(INK)
      .text(`${index + 1}. ${item.prompt}`, { lineGap: 2 });
    const field = (label: string, value: string) =>
      doc
        .moveDown(0.2)
        .font("bold")
        .fontSize(10.5)
        .fillColor(MUTED)
        .text(`${label}：`, { continued: true })
        .font("regular")
        .fillColor(INK)
        .text(value, { lineGap: 2 });
    field("问题描述", item.description);
    field("检查依据", item.basis);
    field("整改要求", item.requiredAction);
    field("问题等级", SEVERITY_LABELS[item.severity]);
    field("整改期限", noticeDeadlineText(item));
  }

  doc.moveDown(1.2).font("regular").fontSize(12).fillColor(INK).text("特此通知。", { indent: 24 });
  // The issuer block and QR code stay together at the foot of the text.
  const blockHeight = 96;
  if (doc.y + blockHeight > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 16;
  const qr = await QRCode.toBuffer(pageUrl, {
    type: "png",
    margin: 1,
    width: 240,
    errorCorrectionLevel: "M",
  });
  doc.image(qr, MARGIN, top, { width: 72 });
  doc
    .font("regular")
    .fontSize(8.5)
    .fillColor(MUTED)
    .text("扫码查看通知并提交整改报告", MARGIN, top + 76, { width: 140 });
  const right = { width: width - 140, align: "right" as const };
  doc
    .font("bold")
    .fontSize(12)
    .fillColor(INK)
    .text(issuer, MARGIN + 140, top + 8, right);
  doc
    .font("regular")
    .fontSize(11)
    .text(`责任督学：${notice.issuedByName}`, MARGIN + 140, top + 32, right);
  doc.text(issued, MARGIN + 140, top + 54, right);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin; with the margin at 0 pdfkit does not start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(MUTED)
      .text(
        `${notice.number}　第 ${i + 1} 页 / 共 ${pages.count} 页`,
        MARGIN,
        doc.page.height - MARGIN + 20,
        {
          width,
          align: "center",
          lineBreak: false,
        },
      );
  }
  doc.end();
  return done;
}

/** The notice's PDF for this user, or 404 when the notice is unknown or outside their scope. */
export async function noticePdfFor(
  db: Executor,
  user: User,
  noticeId: string,
): Promise<{ ok: true; pdf: Buffer; filename: string } | Failure> {
  const notice = await getNotice(db, user, noticeId);
  if (notice === null) return failure(404, "整改通知书不存在");
  const pdf = await renderNoticePdf({ notice, pageUrl: noticePageUrl(notice.id) });
  return { ok: true, pdf, filename: `整改通知书 ${notice.number}.pdf` };
}
