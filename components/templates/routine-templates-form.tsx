"use client";

import { useState } from "react";

import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Which of the district's checklists a 挂牌督导 visit proposes; the inspector may still change them. */
export function RoutineTemplatesForm({
  offered,
  initial,
}: {
  offered: readonly { code: string; title: string }[];
  initial: readonly string[];
}) {
  const [codes, setCodes] = useState<ReadonlySet<string>>(new Set(initial));
  const { run, pending, failure } = useApiAction();
  const [saved, setSaved] = useState(false);

  const toggle = (code: string) => {
    setSaved(false);
    setCodes((current) => {
      const next = new Set(current);
      if (!next.delete(code)) next.add(code);
      return next;
    });
  };

  async function save() {
    setSaved(false);
    // In the order the office sees them, so the phone proposes them in that order.
    const stored = await run(() =>
      templateApi.saveRoutineTemplates(offered.map((t) => t.code).filter((c) => codes.has(c))),
    );
    if (stored) setSaved(true);
  }

  return (
    <Card className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">挂牌督导检查表</legend>
        <p className="mt-1 text-xs text-slate-600">
          督学开始挂牌督导时预选这些检查表（仅预选适用于该校的）；督学可在现场增减。专项督查预选专项的检查表，复查不预选。
        </p>
        <ul className="mt-2 space-y-1">
          {offered.map((t) => (
            <li key={t.code}>
              <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="accent-brand-700 size-4"
                  checked={codes.has(t.code)}
                  onChange={() => toggle(t.code)}
                />
                {t.title}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={save} disabled={pending}>
          {pending ? "正在保存…" : "保存检查表"}
        </Button>
        {saved && !failure ? (
          <p role="status" className="text-sm text-slate-600">
            已保存，督学下次下载检查包后生效。
          </p>
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure.message}
        </p>
      ) : null}
    </Card>
  );
}
