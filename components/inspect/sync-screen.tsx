"use client";

import Link from "next/link";
import { useId, useState, type ReactNode } from "react";

import { chinaMonthDayTime } from "@/lib/domain/dates";
import { useStorageHealth } from "@/lib/hooks/use-storage-health";
import { syncNow } from "@/lib/hooks/use-sync";
import { exportUnsyncedFile, importUnsyncedFile } from "@/lib/hooks/use-visits";

import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

import { formatBytes } from "./format";
import { SYNC_STATUS_LABELS } from "./sync-wording";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-2.5">
      <dt className="shrink-0 text-sm text-slate-600">{label}</dt>
      <dd className="text-right text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** "duxue-unsynced-20260320-1005.json" in the phone's local time. */
function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `duxue-unsynced-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function RescueFile() {
  const inputId = useId();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function exportNow() {
    setIsBusy(true);
    const result = await exportUnsyncedFile();
    setIsBusy(false);
    if (!result.ok) {
      setMessage({ isError: true, text: result.reason });
      return;
    }
    download(result.text, exportFileName(new Date()));
    setMessage({ isError: false, text: "已导出。请把文件保存到安全的地方，或发送给督导室。" });
  }

  async function importFile(file: File) {
    setIsBusy(true);
    const result = await importUnsyncedFile(await file.text());
    setIsBusy(false);
    setMessage(
      result.ok
        ? {
            isError: false,
            text: `已导入：${result.added.visits} 次检查、${result.added.answers} 条检查项、${result.added.photos} 张照片、${result.added.mutations} 条待同步更改。`,
          }
        : { isError: true, text: `无法导入：${result.reason}` },
    );
  }

  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold text-slate-900">备份未同步的数据</h2>
      <p className="text-sm leading-6 text-slate-600">
        长时间没有网络时，可把所有尚未上传的检查记录和照片导出为一个文件；换手机或清理浏览器前导出，之后可再导入。
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={isBusy} onClick={exportNow}>
          导出未同步数据
        </Button>
        <label
          htmlFor={inputId}
          className="inline-flex h-11 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-4 text-base font-medium text-slate-800"
        >
          导入备份文件
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          disabled={isBusy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void importFile(file);
          }}
        />
      </div>
      {message ? (
        <p
          role={message.isError ? "alert" : "status"}
          className={message.isError ? "text-sm text-red-700" : "text-sm text-emerald-700"}
        >
          {message.text}
        </p>
      ) : null}
    </Card>
  );
}

/** 同步与存储: is the data safe on this phone, what is waiting, and what went wrong. */
export function SyncScreen() {
  const health = useStorageHealth();
  const [isSyncing, setIsSyncing] = useState(false);
  const usage =
    health.usageBytes === null
      ? "未知"
      : health.quotaBytes === null
        ? formatBytes(health.usageBytes)
        : `${formatBytes(health.usageBytes)} / ${formatBytes(health.quotaBytes)}`;

  return (
    <>
      <PageHeader title="同步与存储" description="检查记录先保存在本机，有网络时自动上传。" />
      <div className="space-y-4">
        {health.status === "needs-auth" ? (
          <Card className="border-amber-200 bg-amber-50 text-sm leading-6 text-amber-900">
            登录已失效，同步已暂停。所有未同步的数据都保留在本机，
            <Link href="/login" className="font-medium underline underline-offset-4">
              重新登录
            </Link>
            后会自动继续。
          </Card>
        ) : null}
        {health.shouldInstallOnIos ? (
          <Card className="border-brand-100 bg-brand-50 text-brand-800 text-sm leading-6">
            <p className="font-medium">请把本应用添加到主屏幕</p>
            <p>
              在 iPhone/iPad 上，网页数据 7 天未使用可能被系统清除。请用 Safari
              打开本页，点“分享”→“添加到主屏幕”，以后从主屏幕图标打开，数据会长期保留。
            </p>
          </Card>
        ) : null}

        <Card>
          <dl className="divide-y divide-slate-100">
            <Row label="同步状态">
              <span data-sync-state={health.status}>{SYNC_STATUS_LABELS[health.status]}</span>
            </Row>
            <Row label="待同步的更改">
              <span data-pending-count={health.pendingCount}>{health.pendingCount} 条</span>
            </Row>
            <Row label="被退回的更改">
              {health.rejectedCount > 0 ? (
                <Link href="/inspect/visits" className="text-red-700 underline underline-offset-4">
                  {health.rejectedCount} 条，去处理
                </Link>
              ) : (
                "无"
              )}
            </Row>
            <Row label="上次成功同步">
              {health.lastSyncAt === null ? "尚未同步" : chinaMonthDayTime(health.lastSyncAt)}
            </Row>
            {health.lastError ? (
              <Row label="最近的错误">
                <span className="font-normal text-red-700" data-last-error>
                  {health.lastError.message}（{chinaMonthDayTime(health.lastError.at)}）
                </span>
              </Row>
            ) : null}
          </dl>
          <Button
            className="mt-3 w-full"
            disabled={isSyncing || health.status === "syncing"}
            onClick={async () => {
              setIsSyncing(true);
              await syncNow();
              setIsSyncing(false);
            }}
          >
            {isSyncing || health.status === "syncing" ? "正在同步…" : "立即同步"}
          </Button>
        </Card>

        <Card>
          <dl className="divide-y divide-slate-100">
            <Row label="数据长期保留">
              {health.isPersisted === null ? "浏览器不支持" : health.isPersisted ? "是" : "否"}
            </Row>
            <Row label="已用空间">{usage}</Row>
          </dl>
          {health.isPersisted === false ? (
            <>
              <p className="mt-2 text-xs leading-5 text-slate-500">
                浏览器在空间不足时可能清除未“长期保留”的网站数据。安装到主屏幕或经常使用本应用，浏览器更容易同意长期保留。
              </p>
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                onClick={health.requestPersist}
              >
                申请长期保留
              </Button>
            </>
          ) : null}
        </Card>

        <RescueFile />
      </div>
    </>
  );
}
