/**
 * What the template routes share: who may read and who may change templates, the code@version in a
 * route's path, and how a refused repository write is answered.
 */
import "server-only";

import type { Role } from "@/lib/domain/org/org.schema";
import {
  templateInputSchema,
  type TemplateRef,
  templateRefSchema,
} from "@/lib/domain/template/template.schema";

import { jsonError } from "../http";
import type { TemplateWriteResult } from "../repositories/template-repository";

/** Everyone who inspects reads templates (the inspector app caches them); schools do not. */
export const TEMPLATE_READERS: readonly Role[] = ["inspector", "office", "city", "admin"];
/** Only the office (and admin) edits, publishes, retires and imports. */
export const TEMPLATE_EDITORS: readonly Role[] = ["office", "admin"];

export type CodeParams = Promise<{ code: string }>;
export type VersionParams = Promise<{ code: string; version: string }>;

/** The pinned version a path names, or the 404 to answer: a malformed one names nothing. */
export async function templateRefFrom(
  params: VersionParams,
): Promise<{ ok: true; ref: TemplateRef } | { ok: false; response: Response }> {
  const { code, version } = await params;
  const parsed = templateRefSchema.safeParse({
    code,
    version: /^\d+$/.test(version) ? Number(version) : NaN,
  });
  if (parsed.success) return { ok: true, ref: parsed.data };
  return { ok: false, response: notFound(code, version) };
}

export function notFound(code: string, version?: string | number): Response {
  return jsonError(
    404,
    "not_found",
    version === undefined ? `找不到检查表 ${code}` : `找不到检查表 ${code} 第 ${version} 版`,
  );
}

/** A refused write: the thing is missing (404) or the state does not allow it (409). */
export function writeRefused(
  result: Extract<TemplateWriteResult<unknown>, { ok: false }>,
): Response {
  return result.reason === "not_found"
    ? jsonError(404, "not_found", result.message)
    : jsonError(409, "conflict", result.message);
}

/**
 * A draft body for the template at this path: the shared input schema, plus the rule that the body
 * names the same code as the path (a mismatch would save the draft under another template).
 */
export function parseDraftBody(code: string, body: unknown) {
  return templateInputSchema
    .refine((draft) => draft.code === code, {
      message: `模板编号应为 ${code}，与地址一致`,
      path: ["code"],
    })
    .safeParse(body);
}
