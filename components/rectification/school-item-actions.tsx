"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";

import { addDays } from "@/lib/domain/dates";
import {
  RECTIFICATION_ACTION_LABELS,
  type RectificationAction,
  type RectificationActionType,
  type RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import {
  discardSchoolAction,
  type EvidencePhoto,
  prepareEvidencePhoto,
  type QueuedAction,
  queueSchoolAction,
  releaseEvidencePhoto,
  resubmitSchoolAction,
  useQueuedActions,
  useSchoolSync,
} from "@/lib/hooks/use-rectification";
import { syncNow, useSyncStatus } from "@/lib/hooks/use-sync";

import { Button } from "@/components/ui/button";

import { ActionPanel } from "./action-panel";
import { sendStateText } from "./format";

export type SchoolAccount = {
  userId: string;
  schoolId: string;
  schoolName: string;
  userName: string;
};

/**
 * The school's buttons for one item, and what became of what it sent. An action is stored on the
 * device first and sent from there, so a weak signal loses nothing: while it waits, its send state
 * shows instead of the buttons; if the server refuses it, the reason shows with what was written.
 */
export function SchoolItemActions({
  item,
  allowed,
  account,
  today,
}: {
  item: RectificationItem;
  allowed: readonly RectificationActionType[];
  account: SchoolAccount;
  today: DateString;
}) {
  const queued = useQueuedActions(item.id);
  const waiting = queued.filter((q) => q.status === "pending");
  const refused = queued.filter((q) => q.status === "rejected");
  // Judged on the device by the same rules the server applies, so a mistake is told at once.
  const act = (action: RectificationAction, photos: readonly EvidencePhoto[]) =>
    queueSchoolAction(item, action, photos, account);

  const tomorrow = addDays(today, 1);
  const afterDue = item.dueDate === null ? tomorrow : addDays(item.dueDate, 1);
  return (
    <div className="space-y-2 print:hidden">
      {refused.map((q) => (
        <Refused
          key={q.mutationId}
          queued={q}
          canResend={allowed.includes(q.action.type) && waiting.length === 0}
          onResend={() => resubmitSchoolAction(q, item, account)}
        />
      ))}
      {waiting.length > 0 ? (
        <Waiting queued={waiting} />
      ) : (
        <ActionPanel
          allowed={allowed}
          onAct={act}
          photos={{
            prepare: (file) =>
              prepareEvidencePhoto(file, {
                schoolName: account.schoolName,
                takenBy: account.userName,
              }),
            release: releaseEvidencePhoto,
          }}
          minDueDate={afterDue > tomorrow ? afterDue : tomorrow}
        />
      )}
    </div>
  );
}

function Waiting({ queued }: { queued: readonly QueuedAction[] }) {
  const sync = useSyncStatus();
  const canRetry = sync.status === "offline" || sync.status === "backoff";
  return (
    <div
      role="status"
      className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900"
    >
      <p className="font-medium">
        {queued.map((q) => `「${RECTIFICATION_ACTION_LABELS[q.action.type]}」`).join("")}
        {sendStateText(sync)}
      </p>
      {sync.lastError && sync.status === "backoff" ? (
        <p className="mt-1 text-xs text-sky-800">{sync.lastError.message}</p>
      ) : null}
      {canRetry ? (
        <Button size="sm" variant="secondary" className="mt-2" onClick={() => void syncNow()}>
          立即重试
        </Button>
      ) : null}
      {sync.status === "needs-auth" ? (
        <a href="/login" className="text-brand-700 mt-2 inline-block font-medium underline">
          重新登录
        </a>
      ) : null}
    </div>
  );
}

function Refused({
  queued,
  canResend,
  onResend,
}: {
  queued: QueuedAction;
  canResend: boolean;
  onResend: () => Promise<string | null>;
}) {
  const { action } = queued;
  const [problem, setProblem] = useState<string | null>(null);
  const written =
    action.type === "respond"
      ? action.text
      : action.type === "request_extension"
        ? action.reason
        : null;
  return (
    <div
      role="alert"
      className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      <p className="font-medium">
        「{RECTIFICATION_ACTION_LABELS[action.type]}」未被受理：
        {queued.refusal?.message ?? "服务器拒绝了此操作"}
      </p>
      {written ? <p className="whitespace-pre-wrap text-red-900">您填写的内容：{written}</p> : null}
      {problem ? <p className="font-medium">{problem}</p> : null}
      <div className="flex flex-wrap gap-2">
        {canResend ? (
          <Button size="sm" variant="secondary" onClick={() => void onResend().then(setProblem)}>
            按当前状态重新提交
          </Button>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            if (window.confirm("放弃后，这次填写的内容将从本机删除。确定放弃吗？"))
              void discardSchoolAction(queued);
          }}
        >
          放弃
        </Button>
      </div>
    </div>
  );
}

/** Mounted once in the school's frame: sends waiting work and reloads the page when it has gone. */
export function SchoolSyncBadge() {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const sync = useSchoolSync(refresh);
  if (sync.pendingCount === 0 && sync.rejectedCount === 0) return null;
  const text =
    sync.pendingCount > 0
      ? `${sync.pendingCount} 项待提交${sync.status === "offline" ? "（离线）" : ""}`
      : `${sync.rejectedCount} 项未被受理`;
  return (
    <span role="status" className="rounded-full bg-white/15 px-2 py-0.5 text-xs text-white">
      {text}
    </span>
  );
}
