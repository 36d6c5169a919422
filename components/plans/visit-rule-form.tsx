"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { type VisitRule, visitRuleSchema } from "@/lib/domain/plan/visit-rule";
import { useApiAction } from "@/lib/hooks/api-client";
import { planApi } from "@/lib/hooks/use-plans";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/** The district's 挂牌督导 rule: visits per school and month by its 责任督学. */
export function VisitRuleForm({ initial }: { initial: VisitRule }) {
  const router = useRouter();
  const form = useForm<VisitRule>({
    resolver: zodResolver(visitRuleSchema),
    defaultValues: initial,
  });
  const { run, pending, failure } = useApiAction();
  const [saved, setSaved] = useState(false);
  const error = form.formState.errors.visitsPerMonth?.message ?? null;

  const onSubmit = form.handleSubmit(async (rule) => {
    setSaved(false);
    const stored = await run(() => planApi.saveVisitRule(rule));
    if (!stored) return;
    form.reset(stored);
    setSaved(true);
    router.refresh();
  });

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="w-56">
          <Field
            id="visits-per-month"
            label="每校每月挂牌督导次数"
            error={error}
            hint="责任督学每月至少到校督导的次数"
          >
            <Input
              id="visits-per-month"
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              aria-invalid={error ? true : undefined}
              {...form.register("visitsPerMonth", { valueAsNumber: true })}
            />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存"}
        </Button>
        {saved && !failure ? (
          <p role="status" className="text-sm text-slate-600">
            已保存，覆盖率和督学的检查包按新规则计算。
          </p>
        ) : null}
        {failure ? (
          <p role="alert" className="w-full rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure.message}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
