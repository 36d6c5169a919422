"use client";

import Link from "next/link";
import { useState } from "react";

import { chinaMonthDayTime } from "@/lib/domain/dates";
import type { Id } from "@/lib/domain/ids";
import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import { VISIT_STATUS_LABELS } from "@/lib/domain/visit/visit.labels";
import type { Conflict } from "@/lib/hooks/conflicts";
import { useConflicts, useLocalVisits, type LocalVisit } from "@/lib/hooks/use-visits";
import { cn } from "@/lib/utils/cn";

import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

import { AbandonDraftButton } from "./abandon-draft-button";
import { describeMutation } from "./format";
import { IssuedDocuments } from "./issued-documents";

function syncLine({ pendingCount, rejectedCount, photos }: LocalVisit): {
  text: string;
  tone: string;
} {
  if (rejectedCount > 0)
    return { text: `${rejectedCount} 条更改被退回，见下方`, tone: "text-red-700" };
  const waitingPhotos = photos.pending;
  if (pendingCount > 0 || waitingPhotos > 0) {
    const parts = [
      pendingCount > 0 ? `${pendingCount} 条更改` : null,
      waitingPhotos > 0 ? `${waitingPhotos} 张照片` : null,
    ];
    return { text: `待同步：${parts.filter(Boolean).join("、")}`, tone: "text-amber-700" };
  }
  return { text: "已全部同步", tone: "text-emerald-700" };
}

function VisitCard({ local }: { local: LocalVisit }) {
  const { visit, schoolName } = local;
  const line = syncLine(local);
  const isSynced = local.pendingCount === 0 && local.photos.pending === 0;
  return (
    <Card className="space-y-1" data-visit-id={visit.id}>
      <Link href={`/inspect/visit?id=${visit.id}`} className="block space-y-1">
        <div className="flex items-center justify-between gap-2">
          <p className="truncate font-medium text-slate-900">{schoolName}</p>
          <span
            className={cn(
              "shrink-0 rounded px-1.5 py-0.5 text-xs",
              visit.status === "draft"
                ? "bg-brand-50 text-brand-700"
                : "bg-slate-100 text-slate-600",
            )}
          >
            {VISIT_STATUS_LABELS[visit.status]}
          </span>
        </div>
        <p className="text-xs text-slate-500">
          {VISIT_KIND_LABELS[visit.kind]} · {chinaMonthDayTime(visit.startedAt)} 开始
          {visit.submittedAt !== null ? ` · ${chinaMonthDayTime(visit.submittedAt)} 提交` : ""}
        </p>
        <p className={cn("text-xs", line.tone)} data-sync-line>
          {line.text}
          {local.photos.uploaded > 0 ? (
            <span className="text-slate-500"> · 已上传照片 {local.photos.uploaded} 张</span>
          ) : null}
        </p>
      </Link>
      {visit.status === "draft" ? (
        <AbandonDraftButton visitId={visit.id} pendingCount={local.pendingCount} />
      ) : null}
      {/* Once the submitted visit is on the server: the notice it produced and the record. */}
      {visit.status === "submitted" && isSynced ? (
        <IssuedDocuments visitId={visit.id} refreshKey={local.pendingCount} />
      ) : null}
    </Card>
  );
}

function ConflictItem({
  conflict,
  onRetry,
  onDiscard,
}: {
  conflict: Conflict;
  onRetry: (id: Id) => Promise<void>;
  onDiscard: (id: Id) => Promise<void>;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const run = async (action: (id: Id) => Promise<void>) => {
    setIsBusy(true);
    await action(conflict.mutation.id);
    setIsBusy(false);
  };
  return (
    <li className="space-y-2 py-3" data-conflict-id={conflict.mutation.id}>
      <p className="text-sm font-medium text-slate-900">
        {describeMutation(conflict.mutation)}
        {conflict.schoolName ? (
          <span className="font-normal text-slate-500"> · {conflict.schoolName}</span>
        ) : null}
      </p>
      <p
        className="text-sm text-red-700"
        data-conflict-reason
        data-conflict-code={conflict.refusal.code}
      >
        退回原因：{conflict.refusal.message}
      </p>
      <p className="text-sm text-slate-700" data-conflict-advice>
        处理建议：{conflict.advice}
      </p>
      <p className="text-xs text-slate-500">
        {chinaMonthDayTime(conflict.mutation.createdAt)} 录入
        {conflict.rejectedAt !== null ? ` · ${chinaMonthDayTime(conflict.rejectedAt)} 被退回` : ""}
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => run(onRetry)}>
          重新提交
        </Button>
        {isConfirming ? (
          <Button size="sm" variant="danger" disabled={isBusy} onClick={() => run(onDiscard)}>
            确认放弃这条更改
          </Button>
        ) : (
          <Button size="sm" variant="ghost" disabled={isBusy} onClick={() => setIsConfirming(true)}>
            放弃
          </Button>
        )}
      </div>
    </li>
  );
}

function ConflictList() {
  const { query, retry, discard } = useConflicts();
  if (query.status !== "ready" || query.value.length === 0) return null;
  return (
    <Card className="mb-4 border-red-200" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title" className="text-base font-semibold text-red-800">
        被服务器退回的更改（{query.value.length}）
      </h2>
      <p className="mt-1 text-xs leading-5 text-slate-600">
        这些更改仍保存在本机，不会自动删除。情况变化后可重新提交；确认不再需要时再放弃。
      </p>
      <ul className="divide-y divide-slate-100">
        {query.value.map((conflict) => (
          <ConflictItem
            key={conflict.mutation.id}
            conflict={conflict}
            onRetry={(id) => retry([id])}
            onDiscard={(id) => discard([id])}
          />
        ))}
      </ul>
    </Card>
  );
}

/** 检查记录: the visits on this phone with their sync state, and the conflict list. */
export function VisitsScreen() {
  const visits = useLocalVisits();
  return (
    <>
      <PageHeader title="检查记录" description="本机上的检查：草稿、已提交，以及同步情况" />
      <ConflictList />
      {visits.status === "loading" ? (
        <p className="py-10 text-center text-sm text-slate-500">正在读取…</p>
      ) : null}
      {visits.status === "error" ? (
        <EmptyState title="无法读取本机数据">{visits.message}</EmptyState>
      ) : null}
      {visits.status === "ready" && visits.value.length === 0 ? (
        <EmptyState title="本机还没有检查记录">在“我的学校”选择学校开始检查。</EmptyState>
      ) : null}
      {visits.status === "ready" && visits.value.length > 0 ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {visits.value.map((local) => (
            <li key={local.visit.id}>
              <VisitCard local={local} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
