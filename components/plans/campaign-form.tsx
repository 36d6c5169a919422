"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { campaignInputSchema } from "@/lib/domain/plan/campaign.schema";
import type { AppliesTo } from "@/lib/domain/template/template.schema";
import { useApiAction } from "@/lib/hooks/api-client";
import { planApi } from "@/lib/hooks/use-plans";

import { AppliesToEditor } from "@/components/templates/applies-to-editor";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

type Option = { value: string; label: string };

function toggle(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

function CheckList({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-9 items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) => onChange(toggle(selected, o.value, e.target.checked))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * 新建专项督查: name, checklists, target schools (by zone and attributes, or a list of school
 * codes), date window and inspectors. Checked with the shared schema before it is sent.
 */
export function CampaignForm({
  templates,
  zones,
  inspectors,
  schoolCodes,
  today,
}: {
  templates: readonly Option[];
  zones: readonly Option[];
  inspectors: readonly Option[];
  /** The district's active schools, code → id, for a target given as a list of codes. */
  schoolCodes: Record<string, string>;
  today: string;
}) {
  const router = useRouter();
  const { run, pending, failure } = useApiAction();
  const [name, setName] = useState("");
  const [templateCodes, setTemplateCodes] = useState<string[]>([]);
  const [targetKind, setTargetKind] = useState<"attributes" | "schools">("attributes");
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [appliesTo, setAppliesTo] = useState<AppliesTo | null>(null);
  const [codes, setCodes] = useState("");
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(today);
  const [inspectorIds, setInspectorIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const listed = codes.split(/[\s,，、]+/).filter(Boolean);
    const unknown = listed.filter((c) => !schoolCodes[c]);
    if (targetKind === "schools" && unknown.length > 0) {
      setError(`找不到学校代码：${unknown.slice(0, 5).join("、")}`);
      return;
    }
    const parsed = campaignInputSchema.safeParse({
      name,
      templateCodes,
      target:
        targetKind === "attributes"
          ? { kind: "attributes", zoneIds, appliesTo: appliesTo ?? {} }
          : { kind: "schools", schoolIds: listed.map((c) => schoolCodes[c]) },
      startsOn,
      endsOn,
      inspectorIds,
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "请检查填写的内容");
      return;
    }
    const created = await run(() => planApi.createCampaign(parsed.data));
    if (created) router.push(`/office/campaigns/${created.campaign.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Card className="space-y-3">
        <Field id="campaign-name" label="专项名称">
          <Input
            id="campaign-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="如：春季学期食品安全专项督查"
          />
        </Field>
        <CheckList
          legend="检查表"
          options={templates}
          selected={templateCodes}
          onChange={setTemplateCodes}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="campaign-starts" label="开始日期">
            <Input
              id="campaign-starts"
              type="date"
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
            />
          </Field>
          <Field id="campaign-ends" label="截止日期">
            <Input
              id="campaign-ends"
              type="date"
              value={endsOn}
              onChange={(e) => setEndsOn(e.target.value)}
            />
          </Field>
        </div>
      </Card>
      <Card className="space-y-3">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">目标学校</legend>
          <div className="mt-1 flex gap-4 text-sm">
            <label className="flex min-h-9 items-center gap-1.5">
              <input
                type="radio"
                name="target"
                checked={targetKind === "attributes"}
                onChange={() => setTargetKind("attributes")}
              />
              按责任区和学校条件
            </label>
            <label className="flex min-h-9 items-center gap-1.5">
              <input
                type="radio"
                name="target"
                checked={targetKind === "schools"}
                onChange={() => setTargetKind("schools")}
              />
              指定学校名单
            </label>
          </div>
        </fieldset>
        {targetKind === "attributes" ? (
          <>
            <CheckList
              legend="督学责任区（不选为全区）"
              options={zones}
              selected={zoneIds}
              onChange={setZoneIds}
            />
            <AppliesToEditor id="campaign-applies" value={appliesTo} onChange={setAppliesTo} />
          </>
        ) : (
          <Field id="campaign-schools" label="学校代码（每行一个，或以逗号分隔）">
            <Textarea
              id="campaign-schools"
              rows={5}
              value={codes}
              onChange={(e) => setCodes(e.target.value)}
            />
          </Field>
        )}
      </Card>
      <Card>
        <CheckList
          legend="参加督学（不选则由各校责任督学负责）"
          options={inspectors}
          selected={inspectorIds}
          onChange={setInspectorIds}
        />
      </Card>
      {error || failure ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error ?? failure?.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建专项督查"}
      </Button>
    </form>
  );
}
