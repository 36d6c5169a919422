import type { Metadata } from "next";

import { toChinaDate } from "@/lib/domain/dates";
import { pageQuerySchema } from "@/lib/domain/page";
import { decisionProposals } from "@/lib/domain/rectification/decision";
import { reviewOverdueDays } from "@/lib/domain/rectification/transition";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import { requirePageUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { listReviewQueue } from "@/lib/server/rectification/queries";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { systemClock } from "@/lib/utils/clock";
import { readPageQuery, type SearchParams } from "@/lib/utils/search-params";

import { ReviewTask } from "@/components/rectification/review-task";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PagedList } from "@/components/ui/pager";

export const metadata: Metadata = { title: "待复核" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(["office", "admin"]);
  const now = systemClock.now();
  const today = toChinaDate(now);
  const { values, query, invalid } = await readPageQuery(searchParams, pageQuerySchema);
  const result = query ? await listReviewQueue(getReadDb(), user, query, now) : { error: invalid };
  const policies = await districtRepository.getDeadlinePolicies(
    getReadDb(),
    "error" in result ? [] : result.tasks.map((task) => task.item.districtId),
  );
  return (
    <>
      <PageHeader
        title="待复核"
        description={
          "error" in result || result.total === 0
            ? undefined
            : `${result.total} 项待处理，最早提交的在前`
        }
      />
      <PagedList
        path="/office/review"
        values={values}
        result={result}
        isEmpty={(page) => page.tasks.length === 0}
        empty={
          <EmptyState title="没有待复核的事项">
            学校提交整改报告或延期申请后会出现在这里。
          </EmptyState>
        }
      >
        {(page) => (
          <div className="space-y-4">
            {page.tasks.map((task) => {
              const policy = policies.get(task.item.districtId) ?? DEFAULT_DEADLINE_POLICY;
              return (
                <ReviewTask
                  key={task.item.id}
                  task={{
                    ...task,
                    reviewOverdueDays: reviewOverdueDays(task.item, policy, today),
                    proposals: decisionProposals(task.item, policy, today),
                  }}
                  itemHref={`/office/items/${task.item.id}`}
                />
              );
            })}
          </div>
        )}
      </PagedList>
    </>
  );
}
