"use client";

import type { Id } from "@/lib/domain/ids";
import { RECTIFICATION_ACTION_LABELS } from "@/lib/domain/rectification/rectification.schema";
import type { QueuedAction } from "@/lib/hooks/rectification-queue";
import { useFollowUp } from "@/lib/hooks/use-follow-up";

import { describeAction } from "@/components/rectification/format";
import { Card } from "@/components/ui/card";

/**
 * What this visit did to the school's 整改事项, item by item, for review before 提交: the actions
 * taken on this phone since the visit started — waiting to be sent, refused with the server's
 * reason, or already applied by the server.
 */
export function FollowUpReview({
  schoolId,
  since,
  isFollowUpVisit,
}: {
  schoolId: Id;
  /** The visit's start: actions before it belong to another visit. */
  since: number;
  isFollowUpVisit: boolean;
}) {
  const query = useFollowUp(schoolId);
  if (query.status !== "ready") return null;
  const reviewed = query.value.actions.filter(({ queued }) => queued.createdAt >= since);
  if (reviewed.length === 0 && !isFollowUpVisit) return null;
  return (
    <Card role="region" aria-labelledby="follow-up-review-heading" data-follow-up-review>
      <h2 id="follow-up-review-heading" className="text-base font-semibold text-slate-900">
        本次复查的处理 {reviewed.length} 项
      </h2>
      {reviewed.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">本次尚未处理任何整改事项。</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {reviewed.map(({ prompt, queued }) => (
            <li key={queued.mutationId} className="py-2" data-follow-up-reviewed={queued.itemId}>
              <p className="font-medium text-slate-900">{prompt}</p>
              <p className="text-slate-800">{RECTIFICATION_ACTION_LABELS[queued.action.type]}</p>
              <ul className="text-xs text-slate-600">
                {describeAction(queued.action).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <ReviewState queued={queued} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ReviewState({ queued }: { queued: QueuedAction }) {
  switch (queued.status) {
    case "rejected":
      return (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          未被受理：{queued.refusal?.message ?? "服务器拒绝了此操作"}
        </p>
      );
    case "pending":
      return <p className="mt-1 text-xs text-sky-800">已保存在本机，等待上传</p>;
    case "sent":
      return <p className="mt-1 text-xs text-emerald-800">已上传，服务器已受理</p>;
  }
}
