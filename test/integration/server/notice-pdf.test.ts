import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getNoticePdf } from "@/app/api/notices/[id]/pdf/route";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { seedDemo } from "@/lib/server/seed/seed";

import { authedRequest, signInAs } from "../../helpers/auth";
import { aFinding, issueTestNotice, photoId } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** The page margin of lib/server/rectification/pdf.ts, in points; A4 is 595 × 842 pt. */
const MARGIN_PT = 64;
const A4_WIDTH_PT = 595.28;
const DPI = 50;

const LONG_DESCRIPTION =
  "教学楼二层东侧走廊的三具灭火器中有两具压力表指针位于红区，一具瓶身锈蚀、保险销缺失；" +
  "消防通道内堆放课桌椅和体育器材，影响人员疏散；值班记录显示近三个月未开展灭火器月度检查。".repeat(
    5,
  );

type Gray = { width: number; height: number; pixels: Uint8Array };

/** Reads a binary PGM ("P5") as pdftoppm -gray writes it. */
function readPgm(bytes: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(whole.length) };
}

/** Dark pixels, and the leftmost and rightmost columns any of them is in. */
function inkOf(page: Gray): { dark: number; minX: number; maxX: number } {
  let dark = 0;
  let minX = page.width;
  let maxX = -1;
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.pixels[y * page.width + x]! >= 128) continue;
      dark += 1;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  }
  return { dark, minX, maxX };
}

function renderPages(pdfPath: string, outPrefix: string): void {
  const result = spawnSync("pdftoppm", ["-r", String(DPI), "-gray", pdfPath, outPrefix]);
  if (result.error)
    throw new Error(
      `需要 pdftoppm 渲染 PDF：sudo apt-get install -y poppler-utils（${result.error.message}）`,
    );
  if (result.status !== 0) throw new Error(`pdftoppm 失败：${result.stderr.toString()}`);
}

const compact = (text: string) => text.replace(/\s+/g, "");

let t: TestDatabase;
let dir: string;
let pdf: Buffer;
let response: Response;
const findings = [
  aFinding("XF-012", { description: LONG_DESCRIPTION }),
  aFinding("SP-009", { rectification: { mode: "on_site", afterPhotoIds: [photoId(1)] } }),
  aFinding("AQ-007", { rectification: { mode: "deadline", dueDate: "2036-04-30" } }),
];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "notice-pdf-"));
  const { notice } = await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    now: Date.parse("2036-03-02T02:00:00Z"),
    findings,
  });
  const cookie = await signInAs("school01", DEMO_PASSWORD);
  response = await getNoticePdf(authedRequest(`/api/notices/${notice!.id}/pdf`, cookie), {
    params: Promise.resolve({ id: notice!.id }),
  });
  pdf = Buffer.from(await response.arrayBuffer());
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await t.drop();
});

describe("GET /api/notices/{id}/pdf", () => {
  it("answers an inline PDF named with the notice number", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent("整改通知书 示范督改〔2036〕第1号.pdf")}`,
    );
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("holds the school, the number and every finding as extractable text, never a 是否 prompt", async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const text = compact((await parser.getText()).text);
      for (const expected of [
        "整改通知书",
        "示范区实验小学",
        "示范督改〔2036〕第1号",
        "已立行立改",
        "2036年4月30日前完成整改",
        "示范区教育督导室",
        "王建国",
      ]) {
        expect(text).toContain(expected);
      }
      for (const finding of findings) {
        expect(text).toContain(compact(finding.finding));
        expect(text).toContain(compact(finding.requiredAction));
      }
      expect(text).not.toContain("是否");
      expect(text).toContain(compact(LONG_DESCRIPTION));
    } finally {
      await parser.destroy();
    }
  });

  it("renders Chinese text inside the margins on every page", async () => {
    const pdfPath = path.join(dir, "notice.pdf");
    await fs.writeFile(pdfPath, pdf);
    renderPages(pdfPath, path.join(dir, "page"));
    const pages = (await fs.readdir(dir)).filter((f) => f.endsWith(".pgm")).sort();
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const pxPerPt = DPI / 72;
    const left = MARGIN_PT * pxPerPt;
    const right = (A4_WIDTH_PT - MARGIN_PT) * pxPerPt;
    for (const file of pages) {
      const ink = inkOf(readPgm(await fs.readFile(path.join(dir, file))));
      expect(ink.dark, `${file} is blank`).toBeGreaterThan(1500);
      expect(ink.minX, `${file} overflows the left margin`).toBeGreaterThanOrEqual(
        Math.floor(left) - 1,
      );
      expect(ink.maxX, `${file} overflows the right margin`).toBeLessThanOrEqual(
        Math.ceil(right) + 1,
      );
    }
  });
});
