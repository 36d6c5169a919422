import Link from "next/link";

import { chinaDateTime } from "@/lib/domain/dates";
import type { DecisionProposals } from "@/lib/domain/rectification/decision";
import type { ReviewTask as ReviewTaskRow } from "@/lib/domain/rectification/ledger.schema";

import type { ScreenActionType } from "./action-model";
import { ItemDetails } from "./item-details";
import { OfficeItemActions } from "./office-item-actions";

export type ReviewTaskData = Pick<
  ReviewTaskRow,
  "item" | "schoolName" | "noticeNumber" | "daysOverdue" | "awaiting"
> & {
  /** 复查超时 days (the district's review service time). */
  reviewOverdueDays: number;
  /** The policy's proposals for the decision forms. */
  proposals: DecisionProposals;
};

/** The decisions each kind of request asks for; 督办 and 撤销 are on the item page. */
const DECISIONS: Record<ReviewTaskData["awaiting"][number], ScreenActionType[]> = {
  review: ["verify_pass", "verify_return"],
  extension: ["approve_extension", "refuse_extension"],
};

/** One entry of the 待复核 queue: the school's answer beside the finding, and the decision buttons. */
export function ReviewTask({ task, itemHref }: { task: ReviewTaskData; itemHref: string }) {
  const { item } = task;
  const decisions = task.awaiting.flatMap((kind) => DECISIONS[kind]);
  const askedAt = Math.min(
    item.response?.submittedAt ?? Infinity,
    item.extension?.requestedAt ?? Infinity,
  );
  return (
    <ItemDetails
      item={item}
      daysOverdue={task.daysOverdue}
      reviewOverdueDays={task.reviewOverdueDays}
      label={`${task.schoolName}：${item.prompt}`}
      title={
        <>
          <span className="block text-sm font-normal text-slate-500">
            {task.schoolName}
            {task.noticeNumber ? ` · ${task.noticeNumber}` : ""}
            {Number.isFinite(askedAt) ? ` · ${chinaDateTime(askedAt)} 提交` : ""}
          </span>
          <Link href={itemHref} className="hover:text-brand-700 underline underline-offset-4">
            {item.prompt}
          </Link>
        </>
      }
    >
      <OfficeItemActions
        item={item}
        allowed={decisions}
        only={decisions}
        proposals={task.proposals}
      />
    </ItemDetails>
  );
}
