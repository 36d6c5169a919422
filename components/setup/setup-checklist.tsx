import Link from "next/link";

import type { SetupStep } from "@/lib/domain/org/setup";

import { Card } from "@/components/ui/card";

/** The six first-start steps, each with its state and the page that does it. */
export function SetupChecklist({ steps }: { steps: readonly SetupStep[] }) {
  return (
    <ol className="space-y-3">
      {steps.map((step, i) => (
        <li key={step.key}>
          <Card className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-medium text-slate-900">
                <span
                  aria-label={step.isDone ? "已完成" : "未完成"}
                  className={step.isDone ? "mr-2 text-green-700" : "mr-2 text-slate-500"}
                >
                  {step.isDone ? "✓" : "○"}
                </span>
                {i + 1}. {step.title}
              </p>
              <p className="mt-0.5 text-sm text-slate-600">{step.status}</p>
            </div>
            <Link href={step.href} className="text-brand-700 text-sm underline underline-offset-4">
              {step.action}
            </Link>
          </Card>
        </li>
      ))}
    </ol>
  );
}

/** On the office home page: only what is still missing, with links; nothing once all is done. */
export function SetupReminder({ steps }: { steps: readonly SetupStep[] }) {
  const missing = steps.filter((s) => !s.isDone);
  if (missing.length === 0) return null;
  return (
    <Card className="mb-4 border-amber-200 bg-amber-50">
      <p className="font-medium text-amber-900">系统还没有设置完（{missing.length} 项未完成）</p>
      <ul className="mt-2 space-y-1 text-sm text-amber-900">
        {missing.map((step) => (
          <li key={step.key}>
            {step.title}：{step.status} ·{" "}
            <Link href={step.href} className="text-brand-700 underline underline-offset-4">
              {step.action}
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href="/office/setup"
        className="text-brand-700 mt-2 inline-block text-sm hover:underline"
      >
        打开初始设置
      </Link>
    </Card>
  );
}
