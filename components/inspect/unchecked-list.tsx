"use client";

import { useMemo } from "react";

import { itemKey, type ItemKey } from "@/lib/domain/visit/checklist";
import { uncheckedItems } from "@/lib/domain/visit/scope";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { VisitContext } from "@/lib/hooks/use-visit";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/**
 * The items that will be recorded as 未检查 if the visit is submitted now, by section; a section
 * left out of the walk is named as a whole. Tapping an item on the walk goes to it.
 */
export function UncheckedList({
  context,
  answers,
  onJump,
}: {
  context: VisitContext;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  onJump: (key: ItemKey) => void;
}) {
  const { templates, school, checklist } = context;
  const groups = useMemo(() => {
    const refs = uncheckedItems({ templates, school, answers: [...answers.values()] });
    const bySection = new Map<string, { title: string; keys: ItemKey[]; prompts: string[] }>();
    for (const ref of refs) {
      const template = templates.find((t) => t.code === ref.templateCode);
      const item = template?.items.find((i) => i.code === ref.itemCode);
      if (!template || !item) continue;
      const id = `${template.code}/${item.section}`;
      const group = bySection.get(id) ?? {
        title: `${template.title} · ${item.section}`,
        keys: [],
        prompts: [],
      };
      group.keys.push(itemKey(ref.templateCode, ref.itemCode));
      group.prompts.push(`${item.code} ${item.prompt}`);
      bySection.set(id, group);
    }
    return [...bySection.values()];
  }, [templates, school, answers]);
  const total = groups.reduce((sum, g) => sum + g.keys.length, 0);
  if (total === 0) return null;
  return (
    <Card className="space-y-2" data-unchecked={total}>
      <h2 className="text-sm font-semibold text-slate-900">未检查 {total} 项</h2>
      <p className="text-xs text-slate-600">
        可以提交：这些项目将记为“未检查”，列入检查记录，不形成整改事项。
      </p>
      <ul className="divide-y divide-slate-100 text-sm">
        {groups.map((group) => (
          <li key={group.title} className="py-2">
            <details>
              <summary className="cursor-pointer text-slate-800">
                {group.title}（{group.keys.length} 项）
              </summary>
              <ul className="mt-1 space-y-1 text-xs text-slate-600">
                {group.keys.map((key, i) => (
                  <li key={key} className="flex items-center justify-between gap-2">
                    <span>{group.prompts[i]}</span>
                    {checklist.byKey.has(key) ? (
                      <Button size="sm" variant="ghost" onClick={() => onJump(key)}>
                        去检查
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
