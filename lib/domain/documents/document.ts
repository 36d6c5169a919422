/**
 * What goes on a printed document, in order, and in what words: a list of blocks that the server's
 * PDF, the print page and the phone's offline preview all draw. Layout (pages, fonts, sizes) is the
 * renderer's business; wording and order are decided here once.
 */

/** A piece of a line: a field label is strong, secondary text muted. */
export type Span = { text: string; strong?: boolean; muted?: boolean };

export type DocumentField = { label: string; value: string };

export type DocumentPhoto = { photoId: string; caption: string };

export type DocumentSignature = {
  /** Who signs, as printed before the name: "督学" or "学校代表". */
  role: string;
  /** Name with position, e.g. "赵明（校长）"; null when nobody signed (e.g. 随机暗访). */
  name: string | null;
  /** The drawn signature (a PNG stored like a photo); null when not signed. */
  photoId: string | null;
};

export type DocumentBlock =
  /** 发文机关标志 and 文号 above the red separator line (GB/T 9704 版头). */
  | { kind: "masthead"; issuer: string; number: string }
  | { kind: "title"; text: string }
  /** 主送 and 正文 paragraphs; body paragraphs start with a two-character indent. */
  | { kind: "paragraph"; spans: Span[]; indent: boolean }
  /** A section heading of the document: "一、检查结果". */
  | { kind: "heading"; text: string }
  /** A numbered finding: its statement, then labelled fields; `photos` are printed under it. */
  | {
      kind: "entry";
      number: string;
      title: string;
      fields: DocumentField[];
      photos: DocumentPhoto[];
    }
  /** Label–value rows, e.g. the visit record's school, time and inspectors. */
  | { kind: "facts"; rows: DocumentField[] }
  /** A table; `emphasis` marks total rows. */
  | { kind: "table"; columns: string[]; rows: { cells: string[]; emphasis: boolean }[] }
  /**
   * 署名 block: on-site signatures, the issuing office and 成文日期 with room for its 印章, and the
   * QR code. The renderer keeps it on one page with the last lines of the text before it.
   */
  | {
      kind: "signOff";
      signatures: DocumentSignature[];
      issuer: string | null;
      date: string;
      seal: boolean;
      qr: { url: string; caption: string } | null;
    }
  /** An attachment on new pages: "附件1" at the top left, its title, then thumbnails with captions. */
  | { kind: "attachment"; label: string; title: string; photos: DocumentPhoto[] };

export type OfficialDocument = {
  /** For the PDF's metadata and file name, e.g. "整改通知书 示范督改〔2026〕第3号". */
  name: string;
  /** Printed in every page's footer with the page number. */
  footer: string;
  /** Shown above the first page of a preview made before the visit is submitted. */
  draftNotice: string | null;
  blocks: DocumentBlock[];
};

/** Every photo a document prints (signatures included), for loading them before drawing. */
export function photosOf(document: OfficialDocument): string[] {
  const ids = document.blocks.flatMap((block) => {
    switch (block.kind) {
      case "entry":
      case "attachment":
        return block.photos.map((p) => p.photoId);
      case "signOff":
        return block.signatures.flatMap((s) => (s.photoId === null ? [] : [s.photoId]));
      case "masthead":
      case "title":
      case "paragraph":
      case "heading":
      case "facts":
      case "table":
        return [];
    }
  });
  return [...new Set(ids)];
}

/** A paragraph of plain text; body paragraphs are indented two characters. */
export function paragraph(
  text: string,
  options: { indent?: boolean; muted?: boolean } = {},
): DocumentBlock {
  return {
    kind: "paragraph",
    spans: [{ text, muted: options.muted ?? false }],
    indent: options.indent ?? true,
  };
}
