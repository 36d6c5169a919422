/**
 * Reading a generated PDF the way a person would: its text page by page (pdf-parse), the images
 * on each page and the fonts embedded (poppler-utils' pdfimages and pdffonts), and each page
 * rendered to pixels (pdftoppm).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

import { PDFParse } from "pdf-parse";

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error)
    throw new Error(
      `需要 ${command}：sudo apt-get install -y poppler-utils（${result.error.message}）`,
    );
  if (result.status !== 0) throw new Error(`${command} 失败：${result.stderr}`);
  return result.stdout;
}

export const compact = (text: string) => text.replace(/\s+/g, "");

/** Each page's text with whitespace removed, in page order. */
export async function pageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return result.pages.map((page) => compact(page.text));
  } finally {
    await parser.destroy();
  }
}

export type PdfImage = { page: number; width: number; height: number; encoding: string };

/** Every image the PDF draws (soft masks left out), with its 1-based page and pixel size. */
export function pdfImages(pdfPath: string): PdfImage[] {
  return run("pdfimages", ["-list", pdfPath])
    .split("\n")
    .slice(2)
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => cols[2] === "image")
    .map((cols) => ({
      page: Number(cols[0]),
      width: Number(cols[3]),
      height: Number(cols[4]),
      encoding: cols[8] ?? "",
    }));
}

/** The base names of the fonts embedded in the PDF (without the subset prefix). */
export function embeddedFonts(pdfPath: string): string[] {
  return run("pdffonts", [pdfPath])
    .split("\n")
    .slice(2)
    .map((row) => row.trim().split(/\s+/)[0] ?? "")
    .filter((name) => name !== "")
    .map((name) => name.replace(/^[A-Z]{6}\+/, ""));
}

export type Gray = { width: number; height: number; pixels: Uint8Array };

/** Renders every page as a binary PGM at `dpi`; returns the files in page order. */
export async function renderPages(pdfPath: string, dpi: number, png = false): Promise<string[]> {
  const prefix = pdfPath.replace(/\.pdf$/, "");
  run("pdftoppm", ["-r", String(dpi), png ? "-png" : "-gray", pdfPath, prefix]);
  const dir = path.dirname(pdfPath);
  const base = path.basename(prefix);
  const extension = png ? ".png" : ".pgm";
  return (await fs.readdir(dir))
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(extension))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads a binary PGM ("P5") as pdftoppm -gray writes it. */
export function readPgm(bytes: Buffer): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [whole, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(whole.length) };
}

/** Dark pixels, and the leftmost and rightmost columns any of them is in. */
export function inkOf(page: Gray): { dark: number; minX: number; maxX: number } {
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
