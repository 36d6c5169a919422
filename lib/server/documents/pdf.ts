/**
 * Draws an OfficialDocument (lib/domain/documents) as an A4 PDF with pdfkit. It lays out every line
 * itself (so it can switch faces per run of characters and measure before placing), turns the
 * blocks into boxes of known height, then paginates: a box never splits, chained boxes move to the
 * next page together, and the 署名 block always takes the last lines of the text with it, so no
 * page holds only a sign-off or a caption. It does not decide wording or order; the domain does.
 */
import "server-only";

import PDFDocument from "pdfkit";
import QRCode from "qrcode";

import type {
  DocumentBlock,
  DocumentPhoto,
  OfficialDocument,
  Span,
} from "@/lib/domain/documents/document";

import { documentFaces, type FaceName, splitByFace } from "./fonts";

const PAGE = { width: 595.28, height: 841.89 };
/** ≈ 2.25 cm, close to the 公文 page margins; the footer sits in the bottom margin. */
const MARGIN = 64;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;

const INK = "#111111";
const MUTED = "#555555";
const RED = "#c00000";
const RULE = "#999999";

const BODY = 12;
const SMALL = 10.5;
const LINE_GAP = 0.55; // of the font size

/** Photos in an attachment or under a finding: three per row, thumbnails drawn at this size. */
const PHOTOS_PER_ROW = 3;
const PHOTO_GAP = 10;
const PHOTO_HEIGHT = 110;

/** Image bytes (JPEG or PNG) for a photo id, or null when it cannot be shown. */
export type ImageLoader = (photoId: string) => Promise<Buffer | null>;

type Style = { face: "regular" | "bold"; size: number; color: string };
type Run = { face: FaceName; text: string; size: number; color: string; x: number };
/** `width` is where the last run ends, from the line's left edge. */
type Line = { runs: Run[]; height: number; width: number };

type Box = {
  height: number;
  /** Space above the box, dropped at the top of a page. */
  space: number;
  draw: (doc: PDFKit.PDFDocument, y: number) => void;
  /** Goes to the same page as the next box. */
  keepWithNext: boolean;
  pageBreakBefore: boolean;
  /** A line of text (counted when the sign-off takes the last lines with it). */
  isText: boolean;
};

const box = (partial: Partial<Box> & Pick<Box, "height" | "draw">): Box => ({
  space: 0,
  keepWithNext: false,
  pageBreakBefore: false,
  isText: false,
  ...partial,
});

// ── Lines ────────────────────────────────────────────────────────────────────────────────────────

/** Characters that may not start a line, and that may not end one (Chinese line-breaking rules). */
const NO_START = new Set([..."。，、；：？！）》」』”’〕】…—·%,.;:!?)]}"]);
const NO_END = new Set([..."（《「『“‘〔【([{"]);

/** Atoms never split across lines: a run of Latin letters and digits, or one other character. */
function atomsOf(text: string): string[] {
  return text.match(/[A-Za-z0-9@#&_+\-./:%]+|\s+|[\s\S]/gu) ?? [];
}

class Typesetter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  width(text: string, style: Style): number {
    let width = 0;
    for (const run of splitByFace(text, style.face)) {
      width += this.doc.font(run.face).fontSize(style.size).widthOfString(run.text);
    }
    return width;
  }

  /**
   * Breaks styled spans into lines `width` wide; the first line starts `firstIndent` in, the others
   * `restIndent` in. Punctuation that may not start a line pulls the previous character along.
   */
  lines(
    spans: { text: string; style: Style }[],
    width: number,
    firstIndent = 0,
    restIndent = 0,
  ): Line[] {
    type Atom = { text: string; style: Style; width: number };
    const atoms: Atom[] = spans.flatMap((span) =>
      atomsOf(span.text).map((text) => ({
        text,
        style: span.style,
        width: this.width(text, span.style),
      })),
    );
    const rows: Atom[][] = [[]];
    let used = firstIndent;
    for (let i = 0; i < atoms.length; i++) {
      const atom = atoms[i]!;
      const row = rows.at(-1)!;
      if (atom.text === "\n") {
        rows.push([]);
        used = restIndent;
        continue;
      }
      if (used + atom.width <= width || row.length === 0) {
        if (row.length === 0 && /^\s+$/u.test(atom.text)) continue;
        if (row.length === 0 && atom.width > width - used) {
          // A word longer than the line: split it by character.
          const chars = [...atom.text];
          let part = "";
          for (const char of chars) {
            if (used + this.width(part + char, atom.style) > width && part !== "") {
              row.push({ text: part, style: atom.style, width: this.width(part, atom.style) });
              rows.push([]);
              used = restIndent;
              part = "";
            }
            part += char;
          }
          const rest = { text: part, style: atom.style, width: this.width(part, atom.style) };
          rows.at(-1)!.push(rest);
          used += rest.width;
          continue;
        }
        row.push(atom);
        used += atom.width;
        continue;
      }
      // Start a new line; move a no-start character's predecessor (and a trailing opener) along.
      const carried: Atom[] = [];
      if (NO_START.has(atom.text) && row.length > 1) carried.unshift(row.pop()!);
      while (row.length > 1 && NO_END.has(row.at(-1)!.text)) carried.unshift(row.pop()!);
      rows.push(carried);
      used = restIndent + carried.reduce((sum, a) => sum + a.width, 0);
      i -= 1;
    }
    return rows.map((row, index) => {
      let x = index === 0 ? firstIndent : restIndent;
      const trimmed = row.at(-1) && /^\s+$/u.test(row.at(-1)!.text) ? row.slice(0, -1) : row;
      const runs: Run[] = [];
      for (const atom of trimmed) {
        for (const part of splitByFace(atom.text, atom.style.face)) {
          const partWidth = this.doc
            .font(part.face)
            .fontSize(atom.style.size)
            .widthOfString(part.text);
          runs.push({ ...part, size: atom.style.size, color: atom.style.color, x });
          x += partWidth;
        }
      }
      const size = Math.max(BODY * 0.5, ...trimmed.map((a) => a.style.size));
      return { runs, height: size * (1 + LINE_GAP), width: x };
    });
  }
}

function drawLine(doc: PDFKit.PDFDocument, line: Line, left: number, y: number): void {
  for (const run of line.runs) {
    doc
      .font(run.face)
      .fontSize(run.size)
      .fillColor(run.color)
      .text(run.text, left + run.x, y, { lineBreak: false });
  }
}

/** Text lines as boxes, with the first two and the last two lines of a paragraph kept together. */
function lineBoxes(lines: Line[], left: number, space: number, keepLast = false): Box[] {
  return lines.map((line, i) =>
    box({
      height: line.height,
      space: i === 0 ? space : 0,
      isText: true,
      keepWithNext:
        (i === 0 && lines.length > 1) ||
        i === lines.length - 2 ||
        (keepLast && i === lines.length - 1),
      draw: (doc, y) => drawLine(doc, line, left, y),
    }),
  );
}

// ── Blocks → boxes ───────────────────────────────────────────────────────────────────────────────

type Images = Map<string, Buffer | null>;

const styleOf = (span: Span, size = BODY): Style => ({
  face: span.strong ? "bold" : "regular",
  size,
  color: span.muted ? MUTED : INK,
});

function centredLines(ts: Typesetter, text: string, style: Style): Line[] {
  return ts.lines([{ text, style }], CONTENT_WIDTH).map((line) => {
    const shift = (CONTENT_WIDTH - line.width) / 2;
    return { ...line, runs: line.runs.map((r) => ({ ...r, x: r.x + shift })) };
  });
}

function drawImage(
  doc: PDFKit.PDFDocument,
  bytes: Buffer | null | undefined,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  if (bytes) {
    try {
      doc.image(bytes, x, y, { fit: [width, height], align: "center", valign: "center" });
      return;
    } catch {
      // Unreadable bytes print the placeholder below.
    }
  }
  doc.save().rect(x, y, width, height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
  doc
    .font("regular")
    .fontSize(9)
    .fillColor(MUTED)
    .text("照片无法显示", x, y + height / 2 - 5, { width, align: "center", lineBreak: false });
}

/** Rows of thumbnails, each with its caption under it; one box per row. */
function photoRows(ts: Typesetter, photos: readonly DocumentPhoto[], images: Images): Box[] {
  const cell = (CONTENT_WIDTH - PHOTO_GAP * (PHOTOS_PER_ROW - 1)) / PHOTOS_PER_ROW;
  const captionStyle: Style = { face: "regular", size: 9, color: MUTED };
  const rows: Box[] = [];
  for (let start = 0; start < photos.length; start += PHOTOS_PER_ROW) {
    const row = photos.slice(start, start + PHOTOS_PER_ROW).map((photo) => ({
      photo,
      caption: ts.lines([{ text: photo.caption, style: captionStyle }], cell),
    }));
    const captionHeight = Math.max(
      ...row.map(({ caption }) => caption.reduce((sum, l) => sum + l.height, 0)),
    );
    rows.push(
      box({
        height: PHOTO_HEIGHT + 4 + captionHeight,
        space: 8,
        draw: (doc, y) =>
          row.forEach(({ photo, caption }, i) => {
            const x = MARGIN + i * (cell + PHOTO_GAP);
            drawImage(doc, images.get(photo.photoId), x, y, cell, PHOTO_HEIGHT);
            let lineY = y + PHOTO_HEIGHT + 4;
            for (const line of caption) {
              drawLine(doc, line, x, lineY);
              lineY += line.height;
            }
          }),
      }),
    );
  }
  return rows;
}

function tableBoxes(ts: Typesetter, block: Extract<DocumentBlock, { kind: "table" }>): Box[] {
  // The first column (a name or a prompt) takes what the narrow number columns leave.
  const narrow = block.columns.length > 3 ? 52 : 0;
  const widths =
    block.columns.length > 3
      ? [
          CONTENT_WIDTH - narrow * (block.columns.length - 1),
          ...block.columns.slice(1).map(() => narrow),
        ]
      : [64, CONTENT_WIDTH - 64 - 120, 120];
  const pad = 4;
  const rowBox = (cells: string[], strong: boolean, fill: string | null): Box => {
    const style: Style = { face: strong ? "bold" : "regular", size: SMALL, color: INK };
    const cellLines = cells.map((text, i) => ts.lines([{ text, style }], widths[i]! - 2 * pad));
    const height =
      Math.max(...cellLines.map((lines) => lines.reduce((sum, l) => sum + l.height, 0))) + 2 * pad;
    return box({
      height,
      draw: (doc, y) => {
        let x = MARGIN;
        cellLines.forEach((lines, i) => {
          const width = widths[i]!;
          if (fill) doc.save().rect(x, y, width, height).fill(fill).restore();
          doc.save().rect(x, y, width, height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
          let lineY = y + pad;
          for (const line of lines) {
            drawLine(doc, line, x + pad, lineY);
            lineY += line.height;
          }
          x += width;
        });
      },
    });
  };
  const header = rowBox(block.columns, true, "#eeeeee");
  return [
    { ...header, space: 6, keepWithNext: true },
    ...block.rows.map((row) => rowBox(row.cells, row.emphasis, null)),
  ];
}

async function signOffBox(
  ts: Typesetter,
  block: Extract<DocumentBlock, { kind: "signOff" }>,
  images: Images,
): Promise<Box> {
  const column = CONTENT_WIDTH / 2;
  const signatureHeight = 44;
  const signaturesHeight = 16 + signatureHeight + 18;
  const qr = block.qr
    ? await QRCode.toBuffer(block.qr.url, {
        type: "png",
        margin: 1,
        width: 240,
        errorCorrectionLevel: "M",
      })
    : null;
  const issuerStyle: Style = { face: "regular", size: BODY, color: INK };
  // 署名 and 成文日期 right-aligned, with room for the 印章 over them (GB/T 9704: 印章 above the date).
  const sealRoom = block.seal ? 28 : 0;
  const footHeight = Math.max(qr ? 96 : 0, sealRoom + (block.issuer ? 2 : 1) * 22 + 8);
  return box({
    height: signaturesHeight + 12 + footHeight,
    space: 20,
    draw: (doc, y) => {
      block.signatures.forEach((signature, i) => {
        const x = MARGIN + i * column;
        drawLine(
          doc,
          ts.lines(
            [
              {
                text: `${signature.role}（签字）：`,
                style: { ...issuerStyle, size: SMALL, color: MUTED },
              },
            ],
            column,
          )[0]!,
          x,
          y,
        );
        if (signature.photoId) {
          drawImage(doc, images.get(signature.photoId), x, y + 16, 150, signatureHeight);
        } else {
          drawLine(
            doc,
            ts.lines(
              [{ text: "（未签字）", style: { ...issuerStyle, size: SMALL, color: MUTED } }],
              column,
            )[0]!,
            x,
            y + 30,
          );
        }
        if (signature.name) {
          drawLine(
            doc,
            ts.lines([{ text: signature.name, style: issuerStyle }], column)[0]!,
            x,
            y + 16 + signatureHeight + 2,
          );
        }
      });
      const top = y + signaturesHeight + 12;
      if (qr && block.qr) {
        doc.image(qr, MARGIN, top, { width: 72 });
        drawLine(
          doc,
          ts.lines(
            [{ text: block.qr.caption, style: { face: "regular", size: 8.5, color: MUTED } }],
            160,
          )[0]!,
          MARGIN,
          top + 76,
        );
      }
      const right = (text: string, lineY: number) => {
        const line = ts.lines([{ text, style: issuerStyle }], CONTENT_WIDTH)[0]!;
        drawLine(doc, line, MARGIN + CONTENT_WIDTH - line.width - 24, lineY);
      };
      let lineY = top + sealRoom;
      if (block.issuer) {
        right(block.issuer, lineY);
        lineY += 22;
      }
      right(block.date, lineY);
    },
  });
}

async function boxesOf(ts: Typesetter, document: OfficialDocument, images: Images): Promise<Box[]> {
  const boxes: Box[] = [];
  if (document.draftNotice) {
    const lines = ts.lines(
      [{ text: document.draftNotice, style: { face: "bold", size: SMALL, color: RED } }],
      CONTENT_WIDTH,
    );
    boxes.push(...lineBoxes(lines, MARGIN, 0));
  }
  for (const block of document.blocks) {
    switch (block.kind) {
      case "masthead": {
        const issuer = centredLines(ts, block.issuer, { face: "bold", size: 24, color: RED });
        boxes.push(...lineBoxes(issuer, MARGIN, 8, true));
        if (block.number) {
          boxes.push(
            ...lineBoxes(
              centredLines(ts, block.number, { face: "regular", size: BODY, color: INK }),
              MARGIN,
              10,
              true,
            ),
          );
        }
        boxes.push(
          box({
            height: 14,
            space: 2,
            draw: (doc, y) =>
              doc
                .save()
                .moveTo(MARGIN, y + 6)
                .lineTo(MARGIN + CONTENT_WIDTH, y + 6)
                .lineWidth(1.5)
                .strokeColor(RED)
                .stroke()
                .restore(),
          }),
        );
        break;
      }
      case "title":
        boxes.push(
          ...lineBoxes(
            centredLines(ts, block.text, { face: "bold", size: 18, color: INK }),
            MARGIN,
            14,
            true,
          ),
        );
        break;
      case "paragraph": {
        const lines = ts.lines(
          block.spans.map((span) => ({ text: span.text, style: styleOf(span) })),
          CONTENT_WIDTH,
          block.indent ? 2 * BODY : 0,
        );
        boxes.push(...lineBoxes(lines, MARGIN, 8));
        break;
      }
      case "heading": {
        const lines = ts.lines(
          [{ text: block.text, style: { face: "bold", size: 13, color: INK } }],
          CONTENT_WIDTH,
        );
        boxes.push(...lineBoxes(lines, MARGIN, 14, true));
        break;
      }
      case "entry": {
        const indent = ts.width(`${block.number} `, { face: "bold", size: BODY, color: INK });
        const title = ts.lines(
          [
            {
              text: `${block.number} ${block.title}`,
              style: { face: "bold", size: BODY, color: INK },
            },
          ],
          CONTENT_WIDTH,
          0,
          indent,
        );
        boxes.push(...lineBoxes(title, MARGIN, 12, true));
        for (const field of block.fields) {
          const lines = ts.lines(
            [
              { text: `${field.label}：`, style: { face: "bold", size: SMALL, color: MUTED } },
              { text: field.value, style: { face: "regular", size: SMALL, color: INK } },
            ],
            CONTENT_WIDTH - indent,
          );
          boxes.push(...lineBoxes(lines, MARGIN + indent, 3));
        }
        if (block.photos.length > 0) {
          boxes.at(-1)!.keepWithNext = true;
          boxes.push(...photoRows(ts, block.photos, images));
        }
        break;
      }
      case "facts":
        boxes.push(
          ...block.rows.flatMap((row, i) => {
            const label = ts.lines(
              [{ text: row.label, style: { face: "bold", size: SMALL, color: MUTED } }],
              80,
            );
            const value = ts.lines(
              [{ text: row.value, style: { face: "regular", size: SMALL, color: INK } }],
              CONTENT_WIDTH - 88,
            );
            const height = Math.max(label.length, value.length) * value[0]!.height + 6;
            return [
              box({
                height,
                space: i === 0 ? 10 : 0,
                isText: true,
                draw: (doc, y) => {
                  label.forEach((line, j) => drawLine(doc, line, MARGIN, y + 3 + j * line.height));
                  value.forEach((line, j) =>
                    drawLine(doc, line, MARGIN + 88, y + 3 + j * line.height),
                  );
                  doc
                    .save()
                    .moveTo(MARGIN, y + height)
                    .lineTo(MARGIN + CONTENT_WIDTH, y + height)
                    .lineWidth(0.5)
                    .strokeColor(RULE)
                    .stroke()
                    .restore();
                },
              }),
            ];
          }),
        );
        break;
      case "table":
        boxes.push(...tableBoxes(ts, block));
        break;
      case "signOff": {
        // The sign-off takes the last two lines of text before it to its page.
        let texts = 0;
        for (let i = boxes.length - 1; i >= 0 && texts < 2; i--) {
          boxes[i]!.keepWithNext = true;
          if (boxes[i]!.isText) texts += 1;
        }
        boxes.push(await signOffBox(ts, block, images));
        break;
      }
      case "attachment": {
        const label = ts.lines(
          [{ text: block.label, style: { face: "bold", size: 14, color: INK } }],
          CONTENT_WIDTH,
        );
        boxes.push({ ...lineBoxes(label, MARGIN, 0, true)[0]!, pageBreakBefore: true });
        boxes.push(
          ...lineBoxes(
            centredLines(ts, block.title, { face: "bold", size: 18, color: INK }),
            MARGIN,
            8,
            true,
          ),
        );
        boxes.push(...photoRows(ts, block.photos, images));
        break;
      }
    }
  }
  return boxes;
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────────

/** Places boxes on pages; returns for each box its page index and top. */
function paginate(boxes: readonly Box[]): { page: number; y: number }[] {
  const placed: { page: number; y: number }[] = [];
  let page = 0;
  let y = MARGIN;
  const newPage = () => {
    page += 1;
    y = MARGIN;
  };
  const spaceAt = (b: Box) => (y === MARGIN ? 0 : b.space);
  for (let i = 0; i < boxes.length; i++) {
    const current = boxes[i]!;
    if (current.pageBreakBefore && y > MARGIN) newPage();
    const startsChain = i === 0 || !boxes[i - 1]!.keepWithNext;
    if (startsChain) {
      let chain = spaceAt(current) + current.height;
      for (let j = i; boxes[j]!.keepWithNext && j + 1 < boxes.length; j++) {
        chain += boxes[j + 1]!.space + boxes[j + 1]!.height;
      }
      // A chain taller than a page cannot move whole; it flows and breaks where it must.
      if (y + chain > BOTTOM && y > MARGIN && chain <= BOTTOM - MARGIN) newPage();
    }
    if (y + spaceAt(current) + current.height > BOTTOM && y > MARGIN) newPage();
    y += spaceAt(current);
    placed.push({ page, y });
    y += current.height;
  }
  return placed;
}

function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** The document as an A4 PDF; `images` gives the bytes of every photo it prints. */
export async function renderDocumentPdf(
  document: OfficialDocument,
  images: Images,
  author: string,
): Promise<Buffer> {
  // Margins are 0 for pdfkit: the layout above places every line, so pdfkit never breaks a page itself.
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: document.name, Author: author },
  });
  const done = collectPdf(doc);
  const faces = documentFaces();
  for (const face of [faces.regular, faces.bold, ...faces.fallbacks]) {
    doc.registerFont(face.name, face.bytes);
  }
  const ts = new Typesetter(doc);
  const boxes = await boxesOf(ts, document, images);
  const placed = paginate(boxes);
  const pageCount = (placed.at(-1)?.page ?? 0) + 1;
  for (let p = 1; p < pageCount; p++) doc.addPage({ size: "A4", margin: 0 });
  boxes.forEach((b, i) => {
    const at = placed[i]!;
    doc.switchToPage(at.page);
    b.draw(doc, at.y);
  });
  for (let p = 0; p < pageCount; p++) {
    doc.switchToPage(p);
    const footer = ts.lines(
      [
        {
          text: `${document.footer}　第 ${p + 1} 页 / 共 ${pageCount} 页`,
          style: { face: "regular", size: 9, color: MUTED },
        },
      ],
      CONTENT_WIDTH,
    )[0]!;
    drawLine(doc, footer, MARGIN + (CONTENT_WIDTH - footer.width) / 2, PAGE.height - MARGIN + 20);
  }
  doc.end();
  return done;
}
