/**
 * What the notice and rectification routes share: who may call the office endpoints, the id in a
 * route's path, and how files are answered.
 */
import "server-only";

import type { Role } from "@/lib/domain/org/org.schema";

/** Review queues: whoever verifies answers or decides extensions. Schools have none. */
export const REVIEWERS: readonly Role[] = ["inspector", "office", "admin"];
/** District-wide figures and the 台账 export (a 市级督导室 reads those of its city's districts). */
export const OFFICE: readonly Role[] = ["office", "city", "admin"];

export type IdParams = Promise<{ id: string }>;

/** A generated file; the Chinese name travels in `filename*` (RFC 6266) with an ASCII fallback. */
export function fileResponse(
  bytes: Uint8Array,
  options: {
    type: string;
    filename: string;
    fallback: string;
    disposition: "inline" | "attachment";
  },
): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": options.type,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${options.disposition}; filename="${options.fallback}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
