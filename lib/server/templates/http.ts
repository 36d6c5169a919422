/**
 * What the template routes share: who may read and who may change templates (roles here, the
 * template's owner through auth/scope.ts), the code@version in a route's path, and how a refused
 * repository write is answered.
 */
import "server-only";

import type { z } from "zod";

import type { Role, User } from "@/lib/domain/org/org.schema";
import { refusal } from "@/lib/domain/refusal";
import { manageRefusal, type TemplateOwner } from "@/lib/domain/template/library";
import {
  templateInputSchema,
  type TemplateRef,
  templateRefSchema,
} from "@/lib/domain/template/template.schema";

import { templateAccess } from "../auth/scope";
import { requireApiUser } from "../auth/session";
import { type Executor, getDb } from "../db/client";
import { invalidInput, readJsonBody } from "../http";
import { refusalResponse } from "../refusal";

/** Everyone who inspects reads templates (the inspector app caches them); schools do not. */
export const TEMPLATE_READERS: readonly Role[] = ["inspector", "office", "city", "admin"];
/** Only the office (and admin) edits, publishes, retires and imports. */
export const TEMPLATE_EDITORS: readonly Role[] = ["office", "admin"];
/** Only a district's office adopts and copies national templates for its district. */
export const TEMPLATE_ADOPTERS: readonly Role[] = ["office"];

type Refused = { ok: false; response: Response };

/** The district an office works for, or the 403 for an office account bound to none. */
export function officeDistrict(user: User): { ok: true; districtId: string } | Refused {
  return user.districtId === null
    ? {
        ok: false,
        response: refusalResponse(refusal("forbidden", "该账号未绑定区县，不能管理检查表")),
      }
    : { ok: true, districtId: user.districtId };
}

/**
 * Whom a write to `code` is for: its owner, when the user manages it; for a code not yet used, the
 * user's district (admin: the national library). A code the user may not see answers 404 and one it
 * may only read (a national template, for an office) answers 403 with the reason.
 */
export async function ownerForWrite(
  db: Executor,
  user: User,
  code: string,
): Promise<{ ok: true; owner: TemplateOwner } | Refused> {
  const access = await templateAccess(db, user, code);
  if (access === null) {
    if (user.role === "admin") return { ok: true, owner: null };
    const district = officeDistrict(user);
    return district.ok ? { ok: true, owner: district.districtId } : district;
  }
  if (access.right === "none") return { ok: false, response: notFound(code) };
  if (access.right === "read") {
    return {
      ok: false,
      response: refusalResponse(refusal("forbidden", manageRefusal(access.owner))),
    };
  }
  return { ok: true, owner: access.owner };
}

/**
 * An office's request about a national template of its district's use (adopt, copy): the user, its
 * district, the code and the body parsed with `schema` (an empty body parses as `{}`). A code the
 * user may not see answers 404, one of the district's own 409 with `ownMessage`.
 */
export async function nationalTemplateRequest<T>(
  request: Request,
  params: CodeParams,
  schema: z.ZodType<T>,
  ownMessage: string,
): Promise<{ ok: true; user: User; districtId: string; code: string; body: T } | Refused> {
  const { user, error } = await requireApiUser(request, TEMPLATE_ADOPTERS);
  if (error) return { ok: false, response: error };
  const district = officeDistrict(user);
  if (!district.ok) return district;
  const { code } = await params;
  const read = await readJsonBody(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body ?? {});
  if (!parsed.success) return { ok: false, response: invalidInput(parsed.error) };
  const access = await templateAccess(getDb(), user, code);
  if (access === null || access.right === "none") return { ok: false, response: notFound(code) };
  if (access.owner !== null)
    return { ok: false, response: refusalResponse(refusal("conflict", ownMessage)) };
  return { ok: true, user, districtId: district.districtId, code, body: parsed.data };
}

/** Whether the user may read `code` (national, or its own district's); another district's is absent. */
export async function canRead(db: Executor, user: User, code: string): Promise<boolean> {
  const access = await templateAccess(db, user, code);
  return access !== null && access.right !== "none";
}

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
  return refusalResponse(
    refusal(
      "not_found",
      version === undefined ? `找不到检查表 ${code}` : `找不到检查表 ${code} 第 ${version} 版`,
    ),
  );
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
