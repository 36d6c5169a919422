/**
 * Refuses cross-site and non-JSON writes, for every state-changing route (requireApiUser and the auth
 * route call it). A browser names the page that sent a write in Origin (or, failing that, Referer);
 * a write from any other site is refused even though it carries the user's cookie. A body must be
 * JSON (or, for a photo upload, exactly a JPEG, PNG or WebP), which a plain HTML form or a
 * `text/plain` fetch cannot send without the browser asking first.
 */
import "server-only";

import { refusal } from "@/lib/domain/refusal";

import { serverEnv } from "./env";
import { refusalResponse } from "./refusal";

export const JSON_BODY = ["application/json"] as const;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Null when the request may proceed; else the 403 / 415 answer. */
export function refuseUnsafeWrite(
  request: Request,
  acceptedTypes: readonly string[] = JSON_BODY,
): Response | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const sender = senderOrigin(request.headers);
  // Neither header: not a browser (browsers send Origin with every cross-site write), so no CSRF.
  if (sender !== undefined && (sender === null || !serverEnv().appOrigins.includes(sender))) {
    return refusalResponse(refusal("cross_site", "拒绝来自其他网站的请求"));
  }
  const hasBody = request.body !== null && request.headers.get("content-length") !== "0";
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (hasBody && (type === undefined || !acceptedTypes.includes(type))) {
    return refusalResponse(
      refusal("unsupported_media_type", `只接受 ${acceptedTypes.join("、")} 格式的内容`),
    );
  }
  return null;
}

/** The origin of the page that sent the request; null for an unparsable or "null" one; undefined if unnamed. */
function senderOrigin(headers: Headers): string | null | undefined {
  const origin = headers.get("origin");
  if (origin !== null) return origin === "null" ? null : origin;
  const referer = headers.get("referer");
  if (referer === null) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}
