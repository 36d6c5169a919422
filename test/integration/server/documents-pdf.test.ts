import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { noticeDocument } from "@/lib/domain/documents/notice";
import { formatCitation } from "@/lib/domain/template/citation";
import type { TemplateItem } from "@/lib/domain/template/template.schema";
import { photos } from "@/lib/server/db/schema";
import { renderDocumentPdf } from "@/lib/server/documents/pdf";
import { noticeRepository } from "@/lib/server/repositories/notices/notice-repository";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";

import { GET as getNoticePdf } from "@/app/api/notices/[id]/pdf/route";
import { GET as getThumbnail } from "@/app/api/photos/[sha256]/thumbnail/route";
import { GET as getRecordPdf } from "@/app/api/visits/[id]/record.pdf/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { syncDocumentVisit, type DocumentVisit } from "../../helpers/document-visit";
import {
  compact,
  embeddedFonts,
  pdfImages,
  inkOf,
  pageTexts,
  readPgm,
  renderPages,
} from "../../helpers/pdf-pages";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** The page margin of lib/server/documents/pdf.ts, in points; A4 is 595 × 842 pt. */
const MARGIN_PT = 64;
const A4_WIDTH_PT = 595.28;
const DPI = 50;
const RARE = "𠀀"; // U+20000, CJK Extension B: not in Noto Sans SC
const NOTES = [
  `教学楼二层东侧走廊灭火器压力表指针位于红区，值班员${RARE}某未发现`,
  "消防通道内堆放课桌椅和体育器材，影响人员疏散；值班记录显示近三个月未检查。".repeat(3),
  "现场抽查一处，记录不全",
];

/** The words the documents print for a failed item: its finding, requirement and citations. */
function wordingOf(item: TemplateItem) {
  return {
    statement: item.finding,
    requirement: item.requirement,
    citations: item.basis.map(formatCitation),
  };
}

/** Lines that may not fill a page on their own: sign-off, QR caption, footer, photo captions. */
function isSignOffOrCaption(text: string, visit: DocumentVisit, footer: string): string {
  let rest = text;
  for (const fixed of [
    "督学（签字）：",
    "学校代表（签字）：",
    `${visit.signers.inspector}`,
    `${visit.signers.school}（校长）`,
    "扫码查看通知并提交整改报告",
    "示范区人民政府教育督导室",
    "（未签字）",
  ]) {
    rest = rest.split(compact(fixed)).join("");
  }
  rest = rest.replace(/\d{4}年\d{1,2}月\d{1,2}日/g, "");
  rest = rest.replace(new RegExp(`${compact(footer)}第\\d+页/共\\d+页`, "g"), "");
  // Photo captions: "2-1 statement" or "2-2 整改后：statement".
  for (const { item } of visit.failed) {
    rest = rest.split(compact(wordingOf(item).statement)).join("");
  }
  return rest.replace(/\d+-\d+(整改后：|现场照片|整改后照片)?/g, "");
}

let t: TestDatabase;
let dir: string;
let visit: DocumentVisit;
let noticeId: string;
let noticeNumber: string;
const cookies: Record<string, string> = {};

async function fetchPdf(kind: "notice" | "record", as: string, id: string): Promise<Response> {
  const params = { params: Promise.resolve({ id }) };
  return kind === "notice"
    ? getNoticePdf(authedRequest(`/api/notices/${id}/pdf`, cookies[as]!), params)
    : getRecordPdf(authedRequest(`/api/visits/${id}/record.pdf`, cookies[as]!), params);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "documents-pdf-"));
  for (const username of ["inspector1", "inspector2", "office", "school01", "school02"]) {
    cookies[username] = await signInAs(username, DEMO_PASSWORD);
  }
  const school = await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id);
  visit = await syncDocumentVisit({
    inspectorId: (await domainUser(t.db, "inspector1")).id,
    inspectorCookie: cookies.inspector1!,
    school: school!,
    startedAt: Date.parse("2036-03-02T01:00:00Z"),
    deadlineNotes: NOTES,
  });
  const notice = await noticeRepository.findByVisit(t.db, visit.visitId);
  noticeId = notice!.id;
  noticeNumber = notice!.number;
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await t.drop();
});

describe.each([
  { kind: "notice" as const, as: "school01", file: "notice.pdf" },
  { kind: "record" as const, as: "office", file: "record.pdf" },
])("the $kind PDF of a synced visit", ({ kind, as, file }) => {
  let pdf: Buffer;
  let pdfPath: string;
  let pages: string[];
  beforeAll(async () => {
    const response = await fetchPdf(kind, as, kind === "notice" ? noticeId : visit.visitId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    pdf = Buffer.from(await response.arrayBuffer());
    pdfPath = path.join(dir, file);
    await fs.writeFile(pdfPath, pdf);
    pages = await pageTexts(pdf);
  });

  it("holds each finding as written, its requirement and basis, and both signers' names", () => {
    const text = pages.join("");
    for (const { item, note, onSite } of visit.failed) {
      const wording = wordingOf(item);
      expect(text).toContain(compact(wording.statement));
      if (!onSite) expect(text).toContain(compact(wording.requirement));
      for (const citation of wording.citations) expect(text).toContain(compact(citation));
      // The note is printed as a sentence: its own closing punctuation gives way to the document's.
      expect(text).toContain(compact(note).replace(/[。；]+$/u, ""));
    }
    // At least one basis is cited with its 文号.
    const withDocNo = visit.failed.flatMap(({ item }) => item.basis.filter((c) => c.docNo));
    expect(withDocNo.length).toBeGreaterThan(0);
    expect(text).toContain(compact(`（${withDocNo[0]!.docNo}）`));
    expect(text).toContain(visit.signers.inspector);
    expect(text).toContain(`${visit.signers.school}（校长）`);
    expect(text).toContain(noticeNumber);
    expect(text).toContain("示范区人民政府教育督导室");
    expect(text).toContain(kind === "notice" ? "示范区实验小学：" : "督导检查记录");
  });

  it("never prints a checklist question (是否)", () => {
    expect(pages.join("")).not.toContain("是否");
  });

  it("prints a character the main font lacks in the fallback font", () => {
    expect(pages.join("")).toContain(RARE);
    expect(embeddedFonts(pdfPath).some((font) => font.startsWith("HanaMin"))).toBe(true);
  });

  it("has no page whose only content is the sign-off or captions", () => {
    // Finding photos are JPEG thumbnails; signatures and the QR code are PNGs and do not count.
    const photoPages = new Set(
      pdfImages(pdfPath)
        .filter((image) => image.encoding === "jpeg")
        .map((image) => image.page),
    );
    pages.forEach((text, i) => {
      const footer = kind === "notice" ? noticeNumber : "督导检查记录·示范区实验小学·2036年3月2日";
      const rest = isSignOffOrCaption(text, visit, footer);
      const hasPhotos = photoPages.has(i + 1);
      expect(
        rest !== "" || hasPhotos,
        `page ${i + 1} holds only sign-off or captions: ${text}`,
      ).toBe(true);
    });
  });

  it("prints finding photos as thumbnails and both signatures as images", () => {
    const images = pdfImages(pdfPath);
    const photos = images.filter((image) => image.encoding === "jpeg");
    // One photo per failed item plus the on-site fix's after-photo, none over the thumbnail size.
    expect(photos).toHaveLength(visit.failed.length + 1);
    for (const photo of photos)
      expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(480);
    // The two drawn signatures (600 × 200 PNGs), and the notice's QR code.
    expect(images.filter((image) => image.width === 600 && image.height === 200)).toHaveLength(2);
    expect(images).toHaveLength(photos.length + 2 + (kind === "notice" ? 1 : 0));
  });

  it("renders every page with ink inside the margins", async () => {
    const files = await renderPages(pdfPath, DPI);
    expect(files.length).toBe(pages.length);
    const pxPerPt = DPI / 72;
    for (const f of files) {
      const ink = inkOf(readPgm(await fs.readFile(f)));
      expect(ink.dark, `${f} is blank`).toBeGreaterThan(500);
      expect(ink.minX).toBeGreaterThanOrEqual(Math.floor(MARGIN_PT * pxPerPt) - 1);
      expect(ink.maxX).toBeLessThanOrEqual(Math.ceil((A4_WIDTH_PT - MARGIN_PT) * pxPerPt) + 1);
    }
  });
});

describe("who may open the documents", () => {
  it("serves finding photos as thumbnails to those who may see the school", async () => {
    const [photo] = await t.db
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.visitId, visit.visitId), eq(photos.purpose, "answer")));
    const photoId = photo!.id;
    for (const as of ["school01", "inspector1", "office", "school02"]) {
      const response = await getThumbnail(
        authedRequest(`/api/photos/${photoId}/thumbnail`, cookies[as]!),
        { params: Promise.resolve({ sha256: photoId }) },
      );
      expect(response.status, as).toBe(as === "school02" ? 404 : 200);
      if (response.status !== 200) continue;
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      const { width, height } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(Math.max(width, height)).toBe(480);
    }
  });

  it("gives the visit record to its school, its inspector and the office; 404 to others", async () => {
    for (const as of ["school01", "inspector1", "office"]) {
      expect((await fetchPdf("record", as, visit.visitId)).status, as).toBe(200);
    }
    for (const as of ["school02", "inspector2"]) {
      expect((await fetchPdf("record", as, visit.visitId)).status, as).toBe(404);
    }
  });
});

describe("the sign-off keeps text with it wherever the text ends", () => {
  it("puts at least two lines of text on the sign-off's page for every length of note", async () => {
    const finding = (observation: string) => ({
      templateCode: "fire",
      itemCode: "XF-001",
      statement: "未明确消防安全责任人",
      observation,
      basis: ["《机关、团体、企业、事业单位消防安全管理规定》（公安部令第61号）第四条"],
      requirement: "明确校长为消防安全责任人",
      deadline: "2036年4月1日前完成整改",
      severity: "major" as const,
      photoIds: [],
      afterPhotoIds: [],
    });
    // Grow the last note a line at a time, so the end of the text crosses the page's foot.
    for (let chars = 0; chars <= 1200; chars += 100) {
      const document = noticeDocument({
        districtName: "示范区",
        number: "示范督改〔2036〕第9号",
        schoolName: "示范区实验小学",
        visit: { kind: "routine", startedAt: 0, signatures: { inspector: null, school: null } },
        inspectorName: "王建国",
        findings: [finding("现场情况".repeat(60)), finding("记".repeat(chars))],
        issuedAt: 0,
        qrUrl: "http://localhost/school/notices/x",
      });
      const texts = await pageTexts(await renderDocumentPdf(document, new Map(), "示范区"));
      const last = texts.at(-1)!;
      expect(last, `${chars} chars`).toContain("特此通知。");
      // The closing paragraph's last lines travel with the sign-off.
      expect(last, `${chars} chars`).toMatch(/防止反弹。特此通知。/);
    }
  });
});
