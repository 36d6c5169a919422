"use client";

import Link from "next/link";

import type { User } from "@/lib/domain/org/org.schema";
import { decisionProposals } from "@/lib/domain/rectification/decision";
import { followUpGroup } from "@/lib/domain/rectification/follow-up";
import {
  isFinalStatus,
  RECTIFICATION_ACTION_LABELS,
} from "@/lib/domain/rectification/rectification.schema";
import {
  allowedActions,
  daysOverdue,
  reviewOverdueDays,
} from "@/lib/domain/rectification/transition";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import { releaseEvidencePhoto, type QueuedAction } from "@/lib/hooks/rectification-queue";
import {
  inspectorActor,
  prepareFollowUpPhoto,
  recordFollowUpAction,
  useFollowUp,
  type FollowUpEntry,
} from "@/lib/hooks/use-follow-up";
import { useSyncStatus } from "@/lib/hooks/use-sync";

import { ActionPanel } from "@/components/rectification/action-panel";
import { sendStateText } from "@/components/rectification/format";
import { ItemDetails } from "@/components/rectification/item-details";

/**
 * The decisions a 复查 takes: on a reported item pass or return; on one the school has not
 * reported, 销号 what was fixed since, return it, or record it still open. The rest (督办, 撤销 …)
 * are the office's screens' business. The domain says which apply to the item.
 */
const FOLLOW_UP_ACTIONS = [
  "verify_pass",
  "verify_on_site",
  "verify_return",
  "record_still_open",
] as const;

function actionNames(queued: readonly QueuedAction[]): string {
  return queued.map((q) => `「${RECTIFICATION_ACTION_LABELS[q.action.type]}」`).join("");
}

/** What became of this phone's action on the item: waiting for the network, or refused. */
function SendState({ entry }: { entry: FollowUpEntry }) {
  const sync = useSyncStatus();
  return (
    <>
      {entry.rejected.map((q) => (
        <div
          key={q.mutationId}
          role="alert"
          data-follow-up-rejected
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <p className="font-medium">
            {actionNames([q])}未被受理：{q.refusal?.message ?? "服务器拒绝了此操作"}
          </p>
          <Link href="/inspect/visits" className="mt-1 inline-block underline underline-offset-4">
            到“检查记录”中重试或放弃
          </Link>
        </div>
      ))}
      {entry.pending.length > 0 ? (
        <p
          role="status"
          data-follow-up-pending
          className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm font-medium text-sky-900"
        >
          {actionNames(entry.pending)}
          {sendStateText(sync)}
        </p>
      ) : null}
    </>
  );
}

function FollowUpItem({
  entry,
  today,
  policy,
  school,
  inspector,
}: {
  entry: FollowUpEntry;
  today: DateString;
  policy: DeadlinePolicy;
  school: PackSchool;
  inspector: User;
}) {
  const { item } = entry;
  return (
    <li data-follow-up-item={item.id} data-status={item.status}>
      <ItemDetails
        item={item}
        daysOverdue={daysOverdue(item, today)}
        reviewOverdueDays={reviewOverdueDays(item, policy, today)}
      >
        <SendState entry={entry} />
        {entry.pending.length === 0 ? (
          <ActionPanel
            allowed={allowedActions(item, inspectorActor(inspector))}
            only={FOLLOW_UP_ACTIONS}
            item={item}
            proposed={decisionProposals(item, policy, today)}
            onAct={(action, photos) => recordFollowUpAction(item, action, photos, inspector)}
            photos={{
              prepare: (file) =>
                prepareFollowUpPhoto(file, {
                  schoolName: school.name,
                  inspectorName: inspector.name,
                }),
              release: releaseEvidencePhoto,
            }}
          />
        ) : null}
      </ItemDetails>
    </li>
  );
}

/**
 * 整改复查: the school's open 整改事项 from the visit pack, those the school has answered first,
 * each decided on the spot, offline, after a confirmation of what it changes. On a 复查 visit it is the point of the
 * visit and opens expanded; on other visits it is a section to open when needed. Nothing shows
 * when the school has no open items.
 */
export function FollowUpPanel({
  school,
  inspector,
  isFollowUpVisit,
}: {
  school: PackSchool;
  inspector: User;
  isFollowUpVisit: boolean;
}) {
  const query = useFollowUp(school.id);
  if (query.status === "loading") return null;
  if (query.status === "error") {
    return (
      <p role="alert" className="mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
        无法读取整改事项：{query.message}
      </p>
    );
  }
  const { entries, today, policy } = query.value;
  if (entries.length === 0) return null;
  // Items acted on here stay listed (with their send state) until the sync settles them.
  const open = entries.filter((e) => !isFinalStatus(e.item.status)).length;
  const toReview = entries.filter((e) => followUpGroup(e.item, today) === "submitted").length;
  return (
    <details
      open={isFollowUpVisit}
      aria-label="整改复查"
      className="mb-4 rounded-xl border border-slate-200 bg-slate-100/60 p-3"
    >
      <summary className="min-h-11 cursor-pointer py-2 text-base font-semibold text-slate-900">
        整改复查
        <span className="ml-2 text-sm font-normal text-slate-600">
          未销号 {open} 项{toReview > 0 ? `，其中待复查 ${toReview} 项` : ""}
        </span>
      </summary>
      <ul className="mt-2 space-y-3">
        {entries.map((entry) => (
          <FollowUpItem
            key={entry.item.id}
            entry={entry}
            today={today}
            policy={policy}
            school={school}
            inspector={inspector}
          />
        ))}
      </ul>
    </details>
  );
}
