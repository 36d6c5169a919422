"use client";

import Link from "next/link";

import { useInspectorSession } from "@/lib/hooks/use-inspector";
import { useSyncStatus } from "@/lib/hooks/use-sync";
import type { SyncStatus } from "@/lib/hooks/use-sync";
import { cn } from "@/lib/utils/cn";

import { syncBadgeText } from "./sync-wording";

const DOT: Record<SyncStatus, string> = {
  idle: "bg-emerald-400",
  syncing: "bg-sky-300 animate-pulse",
  offline: "bg-slate-300",
  backoff: "bg-amber-300",
  "needs-auth": "bg-amber-300",
  "has-rejections": "bg-red-400",
};

/** The engine's status in the header; a tap opens 同步与存储. */
export function SyncStatusBadge() {
  const session = useInspectorSession();
  const { status, pendingCount, rejectedCount } = useSyncStatus();
  if (session.status !== "signed-in") return null;
  const isPending = status === "idle" && pendingCount > 0;
  return (
    <Link
      href="/inspect/sync"
      prefetch={false}
      data-sync-status={status}
      aria-label={`同步状态：${syncBadgeText(status, pendingCount, rejectedCount)}`}
      className="bg-brand-800 flex h-8 max-w-[11rem] items-center gap-1.5 rounded-full px-2.5 text-xs text-white"
    >
      <span
        aria-hidden
        className={cn("size-2 shrink-0 rounded-full", isPending ? "bg-amber-300" : DOT[status])}
      />
      <span className="truncate">{syncBadgeText(status, pendingCount, rejectedCount)}</span>
    </Link>
  );
}
