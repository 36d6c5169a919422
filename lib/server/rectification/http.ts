/**
 * What the notice and rectification routes share: who may call the office endpoints, the id in a
 * route's path, and how files are answered.
 */
import "server-only";

import { Readable } from "node:stream";

import type { Role } from "@/lib/domain/org/org.schema";
import type { Refused } from "@/lib/domain/refusal";

/** Review queues: whoever verifies answers or decides extensions. Schools have none. */
export const REVIEWERS: readonly Role[] = ["inspector", "office", "admin"];
/** District-wide figures and the 台账 export (a 市级督导室 reads those of its city's districts). */
export const OFFICE: readonly Role[] = ["office", "city", "admin"];

export type IdParams = Promise<{ id: string }>;

type FileOptions = {
  type: string;
  filename: string;
  fallback: string;
  disposition: "inline" | "attachment";
};

const disposition = (o: FileOptions) =>
  `${o.disposition}; filename="${o.fallback}"; filename*=UTF-8''${encodeURIComponent(o.filename)}`;

/** A file written while it is sent (no Content-Length): the exports, row by row. */
export function streamResponse(body: Readable, options: FileOptions): Response {
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": options.type,
      "Content-Disposition": disposition(options),
      "Cache-Control": "private, no-store",
    },
  });
}

/** A generated PDF shown inline, or the refusal to answer instead. */
export function pdfAnswer(
  result: { ok: true; pdf: Uint8Array; filename: string } | Refused,
  fallback: string,
): Response | Refused {
  if (!result.ok) return result;
  const { pdf, filename } = result;
  return fileResponse(pdf, { type: "application/pdf", filename, fallback, disposition: "inline" });
}

/** A generated file; the Chinese name travels in `filename*` (RFC 6266) with an ASCII fallback. */
export function fileResponse(bytes: Uint8Array, options: FileOptions): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": options.type,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": disposition(options),
      "Cache-Control": "private, no-store",
    },
  });
}
