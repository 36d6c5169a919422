/**
 * What the template routes share: who may read and who may change templates (roles here, the
 * template's owner through auth/scope.ts), the code@version in a route's path, and why a write is
 * refused.
 */
import "server-only";

import type { Role, User } from "@/lib/domain/org/org.schema";
import { done, type Outcome, refused, type Refused } from "@/lib/domain/refusal";
import { manageRefusal, type TemplateOwner } from "@/lib/domain/template/library";
import {
  type Template,
  type TemplateInput,
  type TemplateRef,
  templateRefSchema,
} from "@/lib/domain/template/template.schema";

import { templateAccess } from "../auth/scope";
import { inDistrict } from "../contract-route";
import { type Executor, getDb } from "../db/client";
import { templateRepository } from "../repositories/template-repository";

/** Everyone who inspects reads templates (the inspector app caches them); schools do not. */
export const TEMPLATE_READERS: readonly Role[] = ["inspector", "office", "city", "admin"];
/** Only the office (and admin) edits, publishes, retires and imports. */
export const TEMPLATE_EDITORS: readonly Role[] = ["office", "admin"];
/** Only a district's office adopts and copies national templates for its district. */
export const TEMPLATE_ADOPTERS: readonly Role[] = ["office"];

const NO_DISTRICT = "该账号未绑定区县，不能管理检查表";

/** The district an office works for, or the 403 for an office account bound to none. */
export function officeDistrict(user: User): { ok: true; districtId: string } | Refused {
  return user.districtId === null
    ? refused("forbidden", NO_DISTRICT)
    : { ok: true, districtId: user.districtId };
}

/** An office of a district: the guard of the routes that adopt, copy and withdraw national templates. */
export const districtOffice = inDistrict(TEMPLATE_ADOPTERS, NO_DISTRICT);

/**
 * Whom a write to `code` is for: its owner, when the user manages it; for a code not yet used, the
 * user's district (admin: the national library). A code the user may not see is not found and one
 * it may only read (a national template, for an office) is forbidden with the reason.
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
  if (access.right === "none") return notFound(code);
  if (access.right === "read") return refused("forbidden", manageRefusal(access.owner));
  return { ok: true, owner: access.owner };
}

/**
 * Why an office may not adopt or copy `code`, or null: a code the user may not see is not found,
 * one of the district's own is a conflict with `ownMessage`.
 */
export async function nationalTemplateRefusal(
  user: User,
  code: string,
  ownMessage: string,
): Promise<Refused | null> {
  const access = await templateAccess(getDb(), user, code);
  if (access === null || access.right === "none") return notFound(code);
  return access.owner === null ? null : refused("conflict", ownMessage);
}

/** Whether the user may read `code` (national, or its own district's); another district's is absent. */
export async function canRead(db: Executor, user: User, code: string): Promise<boolean> {
  const access = await templateAccess(db, user, code);
  return access !== null && access.right !== "none";
}

/** The version a path names, when the user may read it (retired ones included, never a draft). */
export async function readableVersion(
  user: User,
  params: { code: string; version: string },
): Promise<Outcome<Template>> {
  const path = templateRefFrom(params);
  if (!path.ok) return path;
  const { code, version } = path.ref;
  const db = getDb();
  const template = (await canRead(db, user, code))
    ? await templateRepository.get(db, code, version)
    : null;
  return template ? done(template) : notFound(code, version);
}

/** The pinned version a path names, or the 404: a malformed one names nothing. */
export function templateRefFrom(params: {
  code: string;
  version: string;
}): { ok: true; ref: TemplateRef } | Refused {
  const { code, version } = params;
  const parsed = templateRefSchema.safeParse({
    code,
    version: /^\d+$/.test(version) ? Number(version) : NaN,
  });
  return parsed.success ? { ok: true, ref: parsed.data } : notFound(code, version);
}

export function notFound(code: string, version?: string | number): Refused {
  return refused(
    "not_found",
    version === undefined ? `找不到检查表 ${code}` : `找不到检查表 ${code} 第 ${version} 版`,
  );
}

/** A draft must name the template of its path: a mismatch would save it under another template. */
export function draftCodeRefusal(code: string, draft: TemplateInput | null): Refused | null {
  return draft === null || draft.code === code
    ? null
    : refused("invalid_input", `模板编号应为 ${code}，与地址一致`);
}
