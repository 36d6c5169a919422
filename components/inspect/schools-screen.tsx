"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";

import { chinaMonthDayTime } from "@/lib/domain/dates";
import {
  matchesSchoolQuery,
  type NeedReason,
  type SchoolNeed,
} from "@/lib/domain/visit/school-need";
import { useOnline } from "@/lib/hooks/use-online";
import { useMySchools } from "@/lib/hooks/use-pack";
import { refreshPack, useSyncStatus } from "@/lib/hooks/use-sync";
import { cn } from "@/lib/utils/cn";

import { schoolTags } from "@/components/schools/school-list";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";

import { DueVisits } from "./due-visits";

const REASON_TONES: Record<NeedReason["kind"], string> = {
  draft: "bg-brand-50 text-brand-700",
  never_visited: "bg-amber-50 text-amber-800",
  due: "bg-amber-50 text-amber-800",
  overdue: "bg-red-50 text-red-700",
  open: "bg-slate-100 text-slate-700",
  visited: "bg-emerald-50 text-emerald-700",
};

function SchoolCard({ need }: { need: SchoolNeed }) {
  const { school, draftVisitId } = need;
  const startHref = `/inspect/start?school=${school.id}`;
  return (
    <Card className="flex flex-col gap-2">
      <div>
        <p className="font-medium text-slate-900">{school.name}</p>
        <p className="mt-0.5 text-xs text-slate-500">
          {schoolTags(school).join(" · ")} · {school.studentCount} 名学生
        </p>
      </div>
      <ul className="flex flex-wrap gap-1.5" aria-label="督导需求">
        {need.reasons.map((reason) => (
          <li
            key={reason.kind}
            className={cn("rounded px-1.5 py-0.5 text-xs", REASON_TONES[reason.kind])}
          >
            {reason.text}
          </li>
        ))}
      </ul>
      {draftVisitId === null ? (
        <Link
          href={startHref}
          className="bg-brand-700 mt-1 inline-flex h-11 items-center justify-center rounded-lg text-base font-medium text-white"
        >
          开始检查
        </Link>
      ) : (
        <div className="mt-1 flex items-center gap-3">
          <Link
            href={`/inspect/visit?id=${draftVisitId}`}
            className="border-brand-700 text-brand-700 inline-flex h-11 flex-1 items-center justify-center rounded-lg border text-base font-medium"
          >
            继续检查
          </Link>
          <Link
            href={startHref}
            className="px-2 text-sm text-slate-600 underline underline-offset-4"
          >
            另开一次检查
          </Link>
        </div>
      )}
    </Card>
  );
}

function DownloadPackButton() {
  const { status } = useSyncStatus();
  const isOnline = useOnline();
  const [isBusy, setIsBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={isBusy || status === "syncing"}
        onClick={async () => {
          // Offline the tap must still answer: say why nothing is downloaded instead of doing nothing.
          if (!navigator.onLine) {
            setNotice("下载检查包需要网络，请联网后再试");
            return;
          }
          setNotice(null);
          setIsBusy(true);
          await refreshPack();
          setIsBusy(false);
        }}
      >
        {isBusy ? "正在下载…" : "下载检查包"}
      </Button>
      {notice !== null && !isOnline ? (
        <p role="status" className="text-xs text-amber-800">
          {notice}
        </p>
      ) : null}
    </div>
  );
}

/** 我的学校: the visit pack's schools, the one needing a visit most first; works offline. */
export function SchoolsScreen() {
  const schools = useMySchools();
  const { lastError, status } = useSyncStatus();
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search);

  if (schools.status === "loading")
    return <p className="py-10 text-center text-sm text-slate-500">正在读取检查包…</p>;
  if (schools.status === "error")
    return <EmptyState title="无法读取本机数据">{schools.message}</EmptyState>;

  const { needs, packGeneratedAt, routineDue, campaignDue } = schools.value;
  const shown = needs.filter((n) => matchesSchoolQuery(n.school, query));
  const packNote =
    packGeneratedAt === null
      ? "尚未下载检查包"
      : `检查包更新于 ${chinaMonthDayTime(packGeneratedAt)} · 共 ${needs.length} 所学校`;

  return (
    <>
      <PageHeader title="我的学校" description={packNote} actions={<DownloadPackButton />} />
      {packGeneratedAt === null ? (
        <EmptyState title="手机上还没有检查包">
          <p>
            检查包包含您负责的学校、检查表和未销号的整改事项。请在有网络时点“下载检查包”，之后没有网络也能检查。
          </p>
          {lastError && status !== "syncing" ? (
            <p className="mt-2 text-red-600">{lastError.message}</p>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <DueVisits routineDue={routineDue} campaignDue={campaignDue} />
          <label htmlFor="school-search" className="sr-only">
            搜索学校
          </label>
          <Input
            id="school-search"
            type="search"
            placeholder="搜索学校名称、代码、地址或校长"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="mb-3"
          />
          {shown.length === 0 ? (
            <EmptyState
              title={needs.length === 0 ? "检查包中没有分配给您的学校" : "没有匹配的学校"}
            />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2" aria-label="全部学校">
              {shown.map((need) => (
                <li key={need.school.id}>
                  <SchoolCard need={need} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
