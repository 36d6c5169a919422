"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

import { toChinaDate } from "@/lib/domain/dates";
import { chinaMonthDayTime } from "@/lib/domain/dates";
import { RECTIFICATION_STATUS_LABELS } from "@/lib/domain/rectification/rectification.labels";
import { proposedTemplateCodes } from "@/lib/domain/visit/scope";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import { VISIT_KINDS } from "@/lib/domain/visit/visit.labels";
import type { GeoPoint, VisitKind } from "@/lib/domain/visit/visit.schema";
import { useInspector } from "@/lib/hooks/use-inspector";
import { startDraftVisit, useStartOptions, type StartOptions } from "@/lib/hooks/use-pack";
import { cn } from "@/lib/utils/cn";

import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";

import { toggledSet, VisitScopePicker } from "./visit-scope-picker";

type Locating =
  | { status: "off" }
  | { status: "locating" }
  | { status: "located"; point: GeoPoint }
  | { status: "failed"; message: string };

/** "2026-03-20T10:05" in the phone's time zone, for a datetime-local input. */
function toLocalInputValue(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function locate(onDone: (next: Locating) => void): void {
  if (!("geolocation" in navigator)) {
    onDone({ status: "failed", message: "此设备不支持定位" });
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (position) =>
      onDone({
        status: "located",
        point: {
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: position.coords.accuracy,
          capturedAt: position.timestamp,
        },
      }),
    (error) =>
      onDone({
        status: "failed",
        message: error.code === error.PERMISSION_DENIED ? "未获准使用定位" : "暂时无法定位",
      }),
    { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
  );
}

function StartForm({ options, campaignId }: { options: StartOptions; campaignId: string | null }) {
  const inspector = useInspector();
  const router = useRouter();
  const { school, templates, openItems, draft } = options;
  // Started from a 专项督查's due visit: its kind and its checklists are pre-selected.
  const campaign = options.campaigns.find((c) => c.id === campaignId) ?? null;
  const proposals = { ...options.proposals, campaign: campaign?.templateCodes ?? [] };
  const propose = (next: VisitKind) =>
    new Set(
      proposedTemplateCodes(
        next,
        proposals,
        templates.filter((t) => t.applicableCount > 0).map((t) => t.template.code),
      ),
    );
  const [kind, setKind] = useState<VisitKind>(campaign ? "campaign" : "routine");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() =>
    propose(campaign ? "campaign" : "routine"),
  );
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [startedAt, setStartedAt] = useState(() => toLocalInputValue(Date.now()));
  const [locating, setLocating] = useState<Locating>({ status: "off" });
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const [today] = useState(() => toChinaDate(Date.now()));

  async function start() {
    setIsStarting(true);
    setError(null);
    const result = await startDraftVisit({
      schoolId: school.id,
      inspectorId: inspector.id,
      kind,
      campaignId: kind === "campaign" && campaign ? campaign.id : null,
      templates: templates
        .filter((t) => chosen.has(t.template.code))
        .map(({ template }) => ({ code: template.code, version: template.version })),
      excludedSections: [...excluded].filter((id) => chosen.has(id.slice(0, id.indexOf("/")))),
      startedAt: new Date(startedAt).getTime(),
      location: locating.status === "located" ? locating.point : null,
    });
    if (result.ok) {
      router.replace(`/inspect/visit?id=${result.visitId}`);
      return;
    }
    setError(result.message);
    setIsStarting(false);
  }

  return (
    <div className="space-y-4">
      {draft ? (
        <Card className="border-brand-100 bg-brand-50 text-brand-800 text-sm">
          这所学校有一次未提交的检查（{chinaMonthDayTime(draft.startedAt)} 开始）。{" "}
          <Link
            href={`/inspect/visit?id=${draft.id}`}
            className="font-medium underline underline-offset-4"
          >
            继续这次检查
          </Link>
        </Card>
      ) : null}

      {campaign && kind === "campaign" ? (
        <Card className="text-sm text-slate-700">
          专项督查：<span className="font-medium">{campaign.name}</span>（{campaign.startsOn} 至{" "}
          {campaign.endsOn}），已选该专项的检查表。
        </Card>
      ) : null}

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">督导类型</legend>
        <div className="grid grid-cols-3 gap-2">
          {VISIT_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setChosen(propose(k));
                setExcluded(new Set());
              }}
              className={cn(
                "h-11 rounded-lg border text-sm",
                kind === k
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-slate-300 bg-white text-slate-700",
              )}
            >
              {VISIT_KIND_LABELS[k]}
            </button>
          ))}
        </div>
      </fieldset>

      <VisitScopePicker
        templates={templates}
        school={school}
        chosen={chosen}
        excluded={excluded}
        onToggleTemplate={(code) => setChosen((current) => toggledSet(current, code))}
        onToggleSection={(id) => setExcluded((current) => toggledSet(current, id))}
      />
      {chosen.size === 0 ? (
        <p className="text-xs text-slate-600">
          {kind === "follow_up"
            ? "复查可不选检查表：在检查页逐项复查本校未销号的整改事项。"
            : kind === "routine"
              ? "督导室尚未设置挂牌督导检查表，请选择本次要用的检查表。"
              : "本类督导不预选检查表，请选择本次要用的检查表。"}
        </p>
      ) : null}

      <Field id="started-at" label="开始时间">
        <Input
          id="started-at"
          type="datetime-local"
          value={startedAt}
          onChange={(e) => setStartedAt(e.target.value)}
        />
      </Field>

      <div className="space-y-1.5">
        <label className="flex min-h-11 items-center gap-3 text-sm text-slate-700">
          <input
            type="checkbox"
            className="accent-brand-700 size-5"
            checked={locating.status !== "off"}
            onChange={(e) => {
              if (!e.target.checked) {
                setLocating({ status: "off" });
                return;
              }
              setLocating({ status: "locating" });
              locate(setLocating);
            }}
          />
          记录检查位置（可不选，不影响检查）
        </label>
        {locating.status === "locating" ? (
          <p className="text-xs text-slate-500">正在定位…</p>
        ) : null}
        {locating.status === "located" ? (
          <p className="text-xs text-emerald-700">
            已定位（精度约 {Math.round(locating.point.accuracy)} 米）
          </p>
        ) : null}
        {locating.status === "failed" ? (
          <p className="text-xs text-amber-700">{locating.message}，将不记录位置。</p>
        ) : null}
      </div>

      {openItems.length > 0 ? (
        <Card>
          <p className="text-sm font-medium text-slate-800">
            未销号的整改事项 {openItems.length} 项
          </p>
          <ul className="mt-2 space-y-1.5 text-xs text-slate-600">
            {openItems.map((item) => (
              <li key={item.id}>
                <span
                  className={cn(
                    item.dueDate !== null && item.dueDate < today && "font-medium text-red-700",
                  )}
                >
                  {item.dueDate === null ? "立行立改" : `期限 ${item.dueDate}`}
                </span>{" "}
                · {RECTIFICATION_STATUS_LABELS[item.status]} · {item.prompt}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button
        size="lg"
        className="w-full"
        disabled={isStarting || (chosen.size === 0 && kind !== "follow_up")}
        onClick={start}
      >
        {isStarting ? "正在创建…" : "开始检查"}
      </Button>
    </div>
  );
}

/** Start a visit: school, kind, templates, start time, and location only if allowed. */
export function StartVisitScreen() {
  const params = useSearchParams();
  const schoolId = params.get("school");
  const options = useStartOptions(schoolId);
  if (options.status === "loading")
    return <p className="py-10 text-center text-sm text-slate-500">正在读取…</p>;
  if (options.status === "error")
    return <EmptyState title="无法读取本机数据">{options.message}</EmptyState>;
  if (options.value === null) {
    return (
      <EmptyState title="检查包中没有这所学校">
        <Link href="/inspect" className="text-brand-700 underline underline-offset-4">
          返回我的学校
        </Link>
      </EmptyState>
    );
  }
  const { school } = options.value;
  return (
    <>
      <PageHeader title="开始检查" description={`${school.name} · ${school.address}`} />
      <StartForm options={options.value} campaignId={params.get("campaign")} />
    </>
  );
}
