/**
 * Reading request bodies for route handlers: within a size limit, as JSON, free of control characters.
 * Every refusal is answered by refusalResponse (./refusal.ts); bad input is 422 with zod's issues.
 */
import "server-only";

import type { z } from "zod";

import { refusal } from "@/lib/domain/refusal";
import { controlCharPath } from "@/lib/domain/text";

import { readBodyWithin } from "./read-body";
import { refusalResponse } from "./refusal";

/** Largest JSON body a route reads unless it says otherwise (a template draft of 300 items is ≈ 300 KB). */
export const MAX_JSON_BYTES = 1024 * 1024;

/** How much of a body a route reads, and how its 413 names the content and what to do instead. */
export type BodyLimit = { maxBytes: number; what?: string; hint?: string };
const DEFAULT_LIMIT: BodyLimit = { maxBytes: MAX_JSON_BYTES };

/** 413: "同步内容过大（超过 2 MB），请分批同步". */
export function tooLarge({ maxBytes, what = "提交的内容", hint = "" }: BodyLimit): Response {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  return refusalResponse(refusal("too_large", `${what}过大（超过 ${size}）${hint}`));
}

/** 422 with the schema's issues; the first issue's message doubles as the summary. */
export function invalidInput(zodError: z.ZodError): Response {
  const { issues } = zodError;
  return refusalResponse(refusal("invalid_input", issues[0]?.message ?? "提交的内容有误"), {
    issues,
  });
}

/** The request's body as text, read only up to `maxBytes` (413 past it, without reading the rest). */
export async function readTextBody(
  request: Request,
  limit = DEFAULT_LIMIT,
): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const read = await readBodyWithin(request, limit.maxBytes);
  return read.ok
    ? { ok: true, text: read.bytes.toString("utf8") }
    : { ok: false, response: tooLarge(limit) };
}

/** JSON text as a value; an empty text is `null` (for endpoints where the body is optional). */
export function parseJson(
  text: string,
): { ok: true; body: unknown } | { ok: false; response: Response } {
  if (text.trim() === "") return { ok: true, body: null };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: refusalResponse(refusal("invalid_input", "请求内容不是有效的 JSON"), {
        issues: [],
      }),
    };
  }
}

/**
 * The request's JSON body, read within `limit`. A control character anywhere in it is refused with
 * 422 naming the field, whatever the route's schema says: none of them is ever meant, and NUL cannot
 * even be stored.
 */
export async function readJsonBody(
  request: Request,
  limit = DEFAULT_LIMIT,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const read = await readTextBody(request, limit);
  if (!read.ok) return read;
  const parsed = parseJson(read.text);
  if (!parsed.ok) return parsed;
  const path = controlCharPath(parsed.body);
  if (path === null) return parsed;
  const message = `${path.join(".")}不能包含控制字符`;
  return {
    ok: false,
    response: refusalResponse(refusal("invalid_input", message), {
      issues: [{ code: "custom", path, message }],
    }),
  };
}
