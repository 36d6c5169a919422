"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useFormContext, useWatch } from "react-hook-form";

import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  type DeadlinePolicyInput,
  type DeadlineRule,
} from "@/lib/domain/template/deadline-policy";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import type { Severity } from "@/lib/domain/template/template.schema";
import { useApiAction } from "@/lib/hooks/api-client";
import { templateApi } from "@/lib/hooks/use-templates";

import { FormField } from "@/components/forms/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/** Most serious first, as the office reads a policy. */
const SEVERITIES: Severity[] = ["critical", "major", "minor"];

/** What switching a severity to 限期整改 starts from: the national default days. */
function defaultDeadline(severity: Severity): DeadlineRule {
  const rule = DEFAULT_DEADLINE_POLICY[severity];
  return rule.mode === "deadline" ? rule : { mode: "deadline", days: 30 };
}

/** The district's default rectification per severity: 立行立改, or 限期整改 within a number of days. */
export function DeadlinePolicyForm({ initial }: { initial: DeadlinePolicy }) {
  const router = useRouter();
  const form = useForm<DeadlinePolicyInput, unknown, DeadlinePolicy>({
    resolver: zodResolver(deadlinePolicySchema),
    defaultValues: initial,
  });
  const { run, pending, failure } = useApiAction();
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (policy) => {
    setSaved(false);
    const stored = await run(() => templateApi.saveDeadlinePolicy(policy));
    if (!stored) return;
    form.reset(stored);
    setSaved(true);
    router.refresh();
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {SEVERITIES.map((severity) => (
          <SeverityRule key={severity} severity={severity} />
        ))}
        <Card className="grid gap-3 sm:grid-cols-[6rem_1fr_1fr] sm:items-end">
          <p className="font-medium text-slate-900">复查与退回</p>
          <DaysField name="reviewDays" label="复查时限（工作日）" />
          <DaysField name="returnDays" label="退回后重新整改期限（天）" />
        </Card>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "正在保存…" : "保存"}
          </Button>
          {saved && !failure ? (
            <p role="status" className="text-sm text-slate-600">
              已保存，之后发现的问题按新的期限计算。
            </p>
          ) : null}
        </div>
        {failure ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            {failure.message}
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}

/** A whole number of days; past the 复查 time limit a report shows 复查超时. */
function DaysField({ name, label }: { name: "reviewDays" | "returnDays"; label: string }) {
  const form = useFormContext<DeadlinePolicyInput>();
  return (
    <FormField name={name} label={label}>
      {(aria) => (
        <Input
          {...aria}
          type="number"
          inputMode="numeric"
          {...form.register(name, { valueAsNumber: true })}
        />
      )}
    </FormField>
  );
}

function SeverityRule({ severity }: { severity: Severity }) {
  const form = useFormContext<DeadlinePolicyInput>();
  const mode = useWatch({ control: form.control, name: `${severity}.mode` });
  return (
    <Card className="grid gap-3 sm:grid-cols-[6rem_1fr_1fr] sm:items-end">
      <p className="font-medium text-slate-900">{SEVERITY_LABELS[severity]}问题</p>
      <FormField name={`${severity}.mode`} label="整改方式">
        {(aria) => (
          <Select
            {...aria}
            value={mode}
            onChange={(event) =>
              form.setValue(
                severity,
                event.target.value === "on_site" ? { mode: "on_site" } : defaultDeadline(severity),
                { shouldDirty: true },
              )
            }
          >
            <option value="deadline">限期整改</option>
            <option value="on_site">立行立改</option>
          </Select>
        )}
      </FormField>
      {mode === "deadline" ? (
        <FormField name={`${severity}.days`} label="整改期限（天）">
          {(aria) => (
            <Input
              {...aria}
              type="number"
              inputMode="numeric"
              {...form.register(`${severity}.days`, { valueAsNumber: true })}
            />
          )}
        </FormField>
      ) : null}
    </Card>
  );
}
