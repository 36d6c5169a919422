"use client";

import { useState } from "react";

import type { SchoolAttributes } from "@/lib/domain/org/org.schema";
import { DOMAIN_LABELS } from "@/lib/domain/template/template.labels";
import type { Template } from "@/lib/domain/template/template.schema";
import { applicableSections } from "@/lib/domain/visit/scope";

/**
 * The checklists of a new visit and, for each one ticked, its sections: the inspector adds or
 * drops either. Only what the visit kind proposed starts ticked (see proposedTemplateCodes).
 */
/** The set with `value` added, or removed if it was there. */
export function toggledSet(current: ReadonlySet<string>, value: string): Set<string> {
  const next = new Set(current);
  if (!next.delete(value)) next.add(value);
  return next;
}

export function VisitScopePicker({
  templates,
  school,
  chosen,
  excluded,
  onToggleTemplate,
  onToggleSection,
}: {
  templates: readonly { template: Template; applicableCount: number }[];
  school: SchoolAttributes;
  chosen: ReadonlySet<string>;
  excluded: ReadonlySet<string>;
  onToggleTemplate: (code: string) => void;
  onToggleSection: (sectionId: string) => void;
}) {
  // Section lists stay closed until asked for: most visits keep whole checklists.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-700">
        检查范围（可增减检查表和类别）
      </legend>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
        {templates.map(({ template, applicableCount }) => {
          const isChosen = chosen.has(template.code);
          const sections = isChosen ? applicableSections(template, school) : [];
          const dropped = sections.filter((section) => excluded.has(section.id)).length;
          const isOpen = open.has(template.code);
          return (
            <li key={template.code}>
              <label className="flex min-h-12 items-center gap-3 px-3 py-2">
                <input
                  type="checkbox"
                  className="accent-brand-700 size-5"
                  checked={isChosen}
                  onChange={() => onToggleTemplate(template.code)}
                />
                <span className="flex-1">
                  <span className="block text-sm text-slate-900">{template.title}</span>
                  <span className="block text-xs text-slate-600">
                    {DOMAIN_LABELS[template.domain]} · 第 {template.version} 版 ·{" "}
                    {applicableCount > 0 ? `本校适用 ${applicableCount} 项` : "本校无适用项"}
                  </span>
                </span>
              </label>
              {sections.length > 1 ? (
                <div className="pb-2 pl-11">
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    className="text-brand-700 min-h-9 text-xs underline underline-offset-4"
                    onClick={() => setOpen((current) => toggledSet(current, template.code))}
                  >
                    调整类别（共 {sections.length} 类{dropped > 0 ? `，已去掉 ${dropped} 类` : ""}）
                  </button>
                </div>
              ) : null}
              {sections.length > 1 && isOpen ? (
                <ul aria-label={`${template.title}的类别`} className="pb-2 pl-11">
                  {sections.map((section) => (
                    <li key={section.id}>
                      <label className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
                        <input
                          type="checkbox"
                          className="accent-brand-700 size-4"
                          checked={!excluded.has(section.id)}
                          onChange={() => onToggleSection(section.id)}
                        />
                        {section.title}
                        <span className="text-xs text-slate-600">{section.itemCount} 项</span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
