/**
 * Loads the template versions visits pin (code@version) from the template repository, and judges
 * whether a visit may pin them. Published versions never change, so a visit is judged against
 * exactly the items the inspector saw.
 */
import "server-only";

import { type Refusal, refusal, type Refused, refused } from "@/lib/domain/refusal";
import { pinRefusal } from "@/lib/domain/template/library";
import type { Template, TemplateRef } from "@/lib/domain/template/template.schema";

import type { Executor } from "../db/client";
import { templateRepository } from "../repositories/template-repository";

export type PinnedTemplates = { ok: true; templates: Template[] } | Refused;

const refKey = (ref: TemplateRef) => `${ref.code}@${ref.version}`;

/** The versions `refs` name, each once, in the order first named. */
export async function loadTemplates(
  db: Executor,
  refs: readonly TemplateRef[],
): Promise<Template[]> {
  const unique = new Map(refs.map((ref) => [refKey(ref), ref]));
  const loaded = await Promise.all(
    [...unique.values()].map((ref) => templateRepository.get(db, ref.code, ref.version)),
  );
  return loaded.filter((template) => template !== null);
}

/** Every pinned version, or the refusal when one does not exist. */
export async function loadPinnedTemplates(
  db: Executor,
  refs: readonly TemplateRef[],
): Promise<PinnedTemplates> {
  const templates = await loadTemplates(db, refs);
  const found = new Set(templates.map(refKey));
  const missing = refs.find((ref) => !found.has(refKey(ref)));
  return missing
    ? refused("not_found", `检查表 ${missing.code} 第 ${missing.version} 版不存在`)
    : { ok: true, templates };
}

/**
 * Why a visit in `districtId` may not newly pin one of `refs` at `pinnedAt` (phone time, never
 * later than the server's now) — another district's template, one not adopted, a retired version
 * (lib/domain/template/library.ts) — or null when it may pin them all.
 */
export async function newPinRefusal(
  db: Executor,
  districtId: string,
  refs: readonly TemplateRef[],
  pinnedAt: number,
): Promise<Refusal | null> {
  const candidates = await templateRepository.pinCandidates(db, districtId, refs);
  for (const ref of refs) {
    const candidate = candidates.find((c) => refKey(c) === refKey(ref));
    if (!candidate) return refusal("not_found", `检查表 ${ref.code} 第 ${ref.version} 版不存在`);
    // Retired, or not the district's to pin: the library has moved on since the phone's pack.
    const notPinnable = pinRefusal(candidate, districtId, pinnedAt);
    if (notPinnable !== null) return refusal("conflict", notPinnable);
  }
  return null;
}
