"use client";

import { useState } from "react";

import type { ChecklistSection, ItemKey } from "@/lib/domain/visit/checklist";
import { bulkPassKeys } from "@/lib/domain/visit/scope";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { BulkPass, VisitActions, VisitContext } from "@/lib/hooks/use-visit";

import { Button } from "@/components/ui/button";

/**
 * "本节其余项符合": marks the section's unanswered 符合/不符合 items 符合 after a confirmation
 * naming how many, as one saved action, and offers to undo it until the next one.
 */
export function SectionBulkPass({
  section,
  context,
  answers,
  actions,
}: {
  section: ChecklistSection;
  context: VisitContext;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  actions: VisitActions;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [done, setDone] = useState<BulkPass | null>(null);
  const count = bulkPassKeys(context.checklist, answers, section.keys).length;

  async function run(action: () => Promise<unknown>) {
    setIsBusy(true);
    await action();
    setIsBusy(false);
  }

  if (done) {
    return (
      <div
        role="status"
        className="mb-2 flex items-center justify-between gap-2 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
      >
        <span>已将本节 {done.count} 项标为符合</span>
        <Button
          size="sm"
          variant="ghost"
          disabled={isBusy}
          onClick={() =>
            run(async () => {
              if (await actions.undoPass(done)) setDone(null);
            })
          }
        >
          撤销
        </Button>
      </div>
    );
  }
  if (count === 0) return null;
  if (!isConfirming) {
    return (
      <div className="mb-2 flex justify-end">
        <Button size="sm" variant="ghost" onClick={() => setIsConfirming(true)}>
          本节其余项符合
        </Button>
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-label="确认本节其余项符合"
      className="mb-2 space-y-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
    >
      <p className="text-slate-800">将本节其余未作答的 {count} 项标为“符合”？</p>
      <div className="flex gap-2">
        <Button
          size="sm"
          disabled={isBusy}
          onClick={() =>
            run(async () => {
              const pass = await actions.passRest(section.keys);
              setIsConfirming(false);
              if (pass) setDone(pass);
            })
          }
        >
          确认标为符合（{count} 项）
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setIsConfirming(false)}>
          取消
        </Button>
      </div>
    </div>
  );
}
