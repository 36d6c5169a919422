/**
 * Loads the template versions visits pin (code@version) from the template repository. Published
 * versions never change, so a visit is judged against exactly the items the inspector saw.
 */
import "server-only";

import type { Template, TemplateRef } from "@/lib/domain/template/template.schema";

import type { Executor } from "../db/client";
import { templateRepository } from "../repositories/template-repository";

export type PinnedTemplates = { ok: true; templates: Template[] } | { ok: false; reason: string };

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

/** Every pinned version, or the reason (in Chinese) when one does not exist. */
export async function loadPinnedTemplates(
  db: Executor,
  refs: readonly TemplateRef[],
): Promise<PinnedTemplates> {
  const templates = await loadTemplates(db, refs);
  const found = new Set(templates.map(refKey));
  const missing = refs.find((ref) => !found.has(refKey(ref)));
  return missing
    ? { ok: false, reason: `检查表 ${missing.code} 第 ${missing.version} 版不存在` }
    : { ok: true, templates };
}
