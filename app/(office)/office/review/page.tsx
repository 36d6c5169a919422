import type { Metadata } from "next";

import { toChinaDate } from "@/lib/domain/dates";
import { decisionProposals } from "@/lib/domain/rectification/decision";
import { reviewOverdueDays } from "@/lib/domain/rectification/transition";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listReviewQueue } from "@/lib/server/rectification/queries";
import { districtRepository } from "@/lib/server/repositories/district-repository";
import { systemClock } from "@/lib/utils/clock";

import { ReviewTask } from "@/components/rectification/review-task";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "待复核" };

export default async function ReviewQueuePage() {
  const user = await requirePageUser(["office", "admin"]);
  const db = getDb();
  const now = systemClock.now();
  const today = toChinaDate(now);
  const queue = await listReviewQueue(db, user, now);
  const policies = await districtRepository.getDeadlinePolicies(
    db,
    queue.map((task) => task.item.districtId),
  );
  const tasks = queue.map((task) => {
    const policy = policies.get(task.item.districtId) ?? DEFAULT_DEADLINE_POLICY;
    return {
      ...task,
      reviewOverdueDays: reviewOverdueDays(task.item, policy, today),
      proposals: decisionProposals(task.item, policy, today),
    };
  });
  return (
    <>
      <PageHeader
        title="待复核"
        description={tasks.length > 0 ? `${tasks.length} 项待处理，最早提交的在前` : undefined}
      />
      {tasks.length === 0 ? (
        <EmptyState title="没有待复核的事项">学校提交整改报告或延期申请后会出现在这里。</EmptyState>
      ) : (
        <div className="space-y-4">
          {tasks.map((task) => (
            <ReviewTask key={task.item.id} task={task} itemHref={`/office/items/${task.item.id}`} />
          ))}
        </div>
      )}
    </>
  );
}
