/**
 * The faces documents are printed in: Noto Sans SC from npm, and fallback faces for characters it
 * lacks (CJK Extension B and beyond, e.g. 𠀀 in a school's or a person's name), so such a character
 * prints in another face instead of vanishing. The fallbacks are system fonts (Debian's
 * fonts-hanazono, installed by .ci/run); without them a rare character prints as a blank box.
 */
import "server-only";

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import * as fontkit from "fontkit";

export type FaceName = "regular" | "bold" | `fallback${number}`;

type Face = { name: FaceName; bytes: Buffer; covers: (codePoint: number) => boolean };

const NOTO_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc");
const FALLBACK_FILES = [
  "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
  "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
];

function loadFace(name: FaceName, file: string): Face {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes);
  if (!("hasGlyphForCodePoint" in font)) throw new Error(`${file} 是字体集合，需指定字体`);
  return { name, bytes, covers: (codePoint) => font.hasGlyphForCodePoint(codePoint) };
}

export type DocumentFaces = {
  regular: Face;
  bold: Face;
  fallbacks: Face[];
};

let faces: DocumentFaces | null = null;

/** Read once per process: each Noto face is about 10 MB; pdfkit embeds only the glyphs a document uses. */
export function documentFaces(): DocumentFaces {
  if (faces) return faces;
  const present = FALLBACK_FILES.filter((file) => existsSync(file));
  if (present.length < FALLBACK_FILES.length) {
    console.warn("未找到 fonts-hanazono 字体：生僻字（如 𠀀）在 PDF 中将显示为空框");
  }
  faces = {
    regular: loadFace("regular", path.join(NOTO_DIR, "400Regular/NotoSansSC_400Regular.ttf")),
    bold: loadFace("bold", path.join(NOTO_DIR, "700Bold/NotoSansSC_700Bold.ttf")),
    fallbacks: present.map((file, i) => loadFace(`fallback${i}`, file)),
  };
  return faces;
}

/**
 * Splits text into runs of one face each: the wanted face where it has the glyph, else the first
 * fallback that has it (else the wanted face, which prints its "missing" box).
 */
export function splitByFace(
  text: string,
  wanted: "regular" | "bold",
  all: DocumentFaces = documentFaces(),
): { face: FaceName; text: string }[] {
  const runs: { face: FaceName; text: string }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const main = all[wanted];
    // Controls and spaces are drawn in the wanted face whatever it covers.
    const face =
      codePoint <= 0x20 || main.covers(codePoint)
        ? main.name
        : (all.fallbacks.find((f) => f.covers(codePoint))?.name ?? main.name);
    const last = runs.at(-1);
    if (last && last.face === face) last.text += char;
    else runs.push({ face, text: char });
  }
  return runs;
}
