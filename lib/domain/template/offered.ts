/** What a phone offers for a new visit, without zod: the inspector's first screens need it (issue #10). */
import type { Template, TemplateRef } from "./template.schema";

/**
 * What a phone offers for a new visit: the versions its last pack offered — not the older or
 * retired ones kept for drafts that pin them. A pack from before packs named them (`offered`
 * null): the newest published version of each code.
 */
export function offeredForNewVisits(
  templates: readonly Template[],
  offered: readonly TemplateRef[] | null,
): Template[] {
  if (offered !== null) {
    return templates.filter((t) =>
      offered.some((o) => o.code === t.code && o.version === t.version),
    );
  }
  const byCode = new Map<string, Template>();
  for (const t of templates) {
    if (t.status !== "published") continue;
    const current = byCode.get(t.code);
    if (!current || t.version > current.version) byCode.set(t.code, t);
  }
  return [...byCode.values()];
}
