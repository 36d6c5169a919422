/**
 * What the school, inspector and office screens read about notices and items, always through the
 * scope helper: a user gets only rows of schools they may see, and "not found" for anything else.
 */
import "server-only";

import { idSchema } from "@/lib/domain/ids";
import type { User } from "@/lib/domain/org/org.schema";
import type { PageQuery } from "@/lib/domain/page";
import type {
  ItemRow,
  ItemTimeline,
  ReviewQueuePage,
  ReviewTask,
} from "@/lib/domain/rectification/ledger.schema";
import type {
  Notice,
  NoticeDetail,
  NoticeListQuery,
  NoticePage,
} from "@/lib/domain/rectification/notice.schema";
import type { RectificationActor } from "@/lib/domain/rectification/rectification.schema";
import { allowedActions } from "@/lib/domain/rectification/transition";
import { refused, type Refused } from "@/lib/domain/refusal";

import { actorFor } from "./access";
import { listEvents, verifyItemChain } from "./event-log";
import { canSeeSchool } from "../auth/scope";
import type { Executor } from "../db/client";
import { finishPage, pageRequest } from "../db/keyset";
import { findNoticeSummary, noticePageRows } from "../repositories/notices/notice-query";
import { noticeRepository } from "../repositories/notices/notice-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { itemRepository } from "../repositories/rectification/item-repository";
import { findItemRow } from "../repositories/rectification/ledger-query";
import { reviewQueueRows } from "../repositories/rectification/review-queue-query";

const NOT_FOUND = "整改通知书不存在";

// ── Notices ───────────────────────────────────────────────────────────────────────────────────

/**
 * A page of the notices the user may see, newest first, with how many of their items are in each
 * state, and how many there are in all and unread. `{ error }` for a cursor this server did not make.
 */
export async function listNoticePage(
  db: Executor,
  user: User,
  query: NoticeListQuery,
): Promise<NoticePage | { error: string }> {
  const request = pageRequest(query);
  if ("error" in request) return request;
  const { fetched, total, unread } = await noticePageRows(db, user, query.school, request);
  const { rows, page } = finishPage(fetched, request, (n) => [n.issuedAt, n.id]);
  return { notices: rows, page, total, unread };
}

/** One notice with its items, or null when it does not exist or is outside the user's scope. */
export async function getNotice(
  db: Executor,
  user: User,
  noticeId: string,
): Promise<NoticeDetail | null> {
  if (!idSchema.safeParse(noticeId).success) return null;
  const summary = await findNoticeSummary(db, user, noticeId);
  if (summary === null) return null;
  const place = await schoolRepository.placeOf(db, summary.schoolId);
  const items = await itemRepository.listByNotice(db, noticeId);
  return {
    ...summary,
    districtName: place?.districtName ?? "",
    schoolAddress: place?.schoolAddress ?? "",
    items,
  };
}

/**
 * The read receipt: recorded when the notice's own school account opens it, the first time only.
 * Other roles may read the notice but leave no receipt (403 here).
 */
export async function markNoticeRead(
  db: Executor,
  user: User,
  noticeId: string,
  now: number,
): Promise<{ ok: true; notice: Notice; recorded: boolean } | Refused> {
  const notice = idSchema.safeParse(noticeId).success
    ? await noticeRepository.findById(db, noticeId)
    : null;
  if (notice === null || !(await canSeeSchool(db, user, notice.schoolId))) {
    return refused("not_found", NOT_FOUND);
  }
  if (user.role !== "school") return refused("forbidden", "只有被检查学校查阅时才记录签收");
  if (notice.readAt !== null) return { ok: true, notice, recorded: false };
  if (await noticeRepository.markRead(db, noticeId, user.id, now)) {
    return { ok: true, notice: { ...notice, readAt: now, readBy: user.id }, recorded: true };
  }
  // Another session of the same school recorded it a moment earlier.
  return {
    ok: true,
    notice: (await noticeRepository.findById(db, noticeId)) ?? notice,
    recorded: false,
  };
}

// ── Items ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A page of what awaits this reviewer, oldest request first. Scope is resolved once, in SQL: an
 * inspector's rows are their own schools', so every row's actor is the same — no query per school.
 */
export async function listReviewQueue(
  db: Executor,
  user: User,
  query: PageQuery,
  now: number,
): Promise<ReviewQueuePage | { error: string }> {
  const request = pageRequest(query);
  if ("error" in request) return request;
  const { fetched, total } = await reviewQueueRows(db, user, request, now);
  const actor: RectificationActor = {
    userId: user.id,
    role: user.role,
    schoolId: user.schoolId,
    inspectsSchool: user.role === "inspector",
  };
  const { rows, page } = finishPage(fetched, request, (row) => [askedAt(row), row.item.id]);
  const tasks = rows.map((row): ReviewTask => {
    const allowed = allowedActions(row.item, actor);
    const awaiting: ReviewTask["awaiting"] = [];
    if (allowed.includes("verify_pass")) awaiting.push("review");
    if (allowed.includes("approve_extension")) awaiting.push("extension");
    return { ...row, awaiting };
  });
  return { tasks, page, total };
}

function askedAt(row: ItemRow): number {
  return Math.min(
    row.item.status === "submitted" ? (row.item.response?.submittedAt ?? Infinity) : Infinity,
    row.item.extension?.requestedAt ?? Infinity,
  );
}

/** One item with its history and the chain check, or null when it is unknown or out of scope. */
export async function getItemTimeline(
  db: Executor,
  user: User,
  itemId: string,
  now: number,
): Promise<ItemTimeline | null> {
  if (!idSchema.safeParse(itemId).success) return null;
  const row = await findItemRow(db, user, itemId, now);
  const actor = row ? await actorFor(db, user, row.item.schoolId) : null;
  if (!row || !actor) return null;
  return {
    ...row,
    events: await listEvents(db, itemId),
    verification: await verifyItemChain(db, itemId),
    allowedActions: allowedActions(row.item, actor),
  };
}

/** What an item page shows: the timeline plus the names of everyone who acted on it. */
export async function getItemPage(
  db: Executor,
  user: User,
  itemId: string,
  now: number,
): Promise<{ timeline: ItemTimeline; names: Map<string, string> } | null> {
  const timeline = await getItemTimeline(db, user, itemId, now);
  if (!timeline) return null;
  const names = await userRepository.namesByIds(
    db,
    timeline.events.map((e) => e.actorId),
  );
  return { timeline, names };
}
