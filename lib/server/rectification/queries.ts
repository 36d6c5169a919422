/**
 * What the school, inspector and office screens read about notices and items, always through the
 * scope helper: a user gets only rows of schools they may see, and "not found" for anything else.
 */
import "server-only";

import { and, asc, eq, isNotNull, isNull, notInArray, or, type SQL, sql } from "drizzle-orm";

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
  NoticeSummary,
} from "@/lib/domain/rectification/notice.schema";
import {
  FINAL_STATUSES,
  RECTIFICATION_STATUSES,
  type RectificationActor,
  type RectificationStatus,
  rectificationStatusSchema,
} from "@/lib/domain/rectification/rectification.schema";
import { allowedActions } from "@/lib/domain/rectification/transition";
import { refused, type Refused } from "@/lib/domain/refusal";
import { visitKindSchema } from "@/lib/domain/visit/visit.schema";

import { actorFor, inScope } from "./access";
import { listEvents, verifyItemChain } from "./event-log";
import { COUNT_CAP, selectItemRows } from "./item-query";
import { rowToItem } from "./item-repository";
import { noticeRepository, rowToNotice } from "./notice-repository";
import { canSeeSchool } from "../auth/scope";
import type { Executor } from "../db/client";
import { finishPage, keysetOrder, keysetWhere, pageRequest, type SortKey } from "../db/keyset";
import {
  districts,
  notices,
  rectificationItems,
  schools,
  user as users,
  visits,
} from "../db/schema";
import { userRepository } from "../repositories/user-repository";

const NOT_FOUND = "整改通知书不存在";

const noticeScope = (user: User) =>
  inScope(user, { schoolId: notices.schoolId, districtId: notices.districtId });

function emptyStatusCounts(): Record<RectificationStatus, number> {
  return Object.fromEntries(RECTIFICATION_STATUSES.map((status) => [status, 0])) as Record<
    RectificationStatus,
    number
  >;
}

// ── Notices ───────────────────────────────────────────────────────────────────────────────────

/** Per notice on the page, its items' status counts: one small aggregate per row, on notice_id's index. */
const STATUS_COUNTS = sql<Record<string, number> | null>`(
  SELECT json_object_agg(c.status, c.n) FROM (
    SELECT ${rectificationItems.status} AS status, count(*)::int AS n FROM ${rectificationItems}
    WHERE ${rectificationItems.noticeId} = ${notices.id} GROUP BY ${rectificationItems.status}
  ) c)`;

const NOTICE_SORT: SortKey = {
  value: notices.issuedAt,
  id: notices.id,
  descending: true,
  bind: (v) => sql`${new Date(Number(v)).toISOString()}::timestamptz`,
};

async function selectNotices(
  db: Executor,
  where: SQL | undefined,
  orderBy: SQL[],
  limit: number,
): Promise<NoticeSummary[]> {
  const rows = await db
    .select({
      notice: notices,
      schoolName: schools.name,
      issuedByName: users.name,
      visitKind: visits.kind,
      visitedAt: visits.startedAt,
      counts: STATUS_COUNTS,
    })
    .from(notices)
    .innerJoin(schools, eq(schools.id, notices.schoolId))
    .innerJoin(visits, eq(visits.id, notices.visitId))
    .innerJoin(users, eq(users.id, notices.issuedBy))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
  return rows.map((row) => {
    const statusCounts = emptyStatusCounts();
    for (const [status, n] of Object.entries(row.counts ?? {}))
      statusCounts[rectificationStatusSchema.parse(status)] = n;
    return {
      ...rowToNotice(row.notice),
      schoolName: row.schoolName,
      issuedByName: row.issuedByName,
      visitKind: visitKindSchema.parse(row.visitKind),
      visitedAt: row.visitedAt.getTime(),
      itemCount: Object.values(statusCounts).reduce((a, b) => a + b, 0),
      statusCounts,
    };
  });
}

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
  const where = and(
    noticeScope(user),
    query.school ? eq(notices.schoolId, query.school) : undefined,
  );
  const capped = (condition: SQL | undefined) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(
        db
          .select({ one: sql`1` })
          .from(notices)
          .where(condition)
          .limit(COUNT_CAP + 1)
          .as("counted"),
      )
      .then(([row]) => Math.min(row?.n ?? 0, COUNT_CAP));
  const [fetched, total, unread] = await Promise.all([
    selectNotices(
      db,
      and(where, keysetWhere(NOTICE_SORT, request)),
      keysetOrder(NOTICE_SORT, request),
      request.limit + 1,
    ),
    capped(where),
    capped(and(where, isNull(notices.readAt))),
  ]);
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
  const [summary] = await selectNotices(
    db,
    and(eq(notices.id, noticeId), noticeScope(user)),
    [],
    1,
  );
  if (summary === undefined) return null;
  const [place] = await db
    .select({ districtName: districts.name, schoolAddress: schools.address })
    .from(schools)
    .innerJoin(districts, eq(districts.id, schools.districtId))
    .where(eq(schools.id, summary.schoolId));
  const items = await db
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.noticeId, noticeId))
    .orderBy(asc(rectificationItems.id));
  return {
    ...summary,
    districtName: place?.districtName ?? "",
    schoolAddress: place?.schoolAddress ?? "",
    items: items.map(rowToItem),
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

/** When the school asked: its report's submission, or its extension request, whichever came first. */
const ASKED_AT = sql`least(
  case when ${rectificationItems.status} = 'submitted' then (${rectificationItems.response}->>'submittedAt')::bigint end,
  (${rectificationItems.extension}->>'requestedAt')::bigint)`;

const REVIEW_SORT: SortKey = {
  value: ASKED_AT,
  id: rectificationItems.id,
  descending: false,
  bind: (v) => sql`${Number(v)}::bigint`,
};

/**
 * What may await this user's decision, as SQL: answers to verify (the school's own inspector or the
 * office) and, for the office, open items with an extension request. The rows' `awaiting` is then
 * decided by the domain's allowedActions, so the list and the buttons never disagree.
 */
function awaitingCondition(user: User): SQL {
  const submitted = eq(rectificationItems.status, "submitted");
  if (user.role === "inspector") return submitted;
  if (user.role !== "office") return sql`false`;
  return or(
    submitted,
    and(
      isNotNull(rectificationItems.extension),
      notInArray(rectificationItems.status, [...FINAL_STATUSES]),
    ),
  )!;
}

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
  const where = and(
    inScope(user, {
      schoolId: rectificationItems.schoolId,
      districtId: rectificationItems.districtId,
    }),
    awaitingCondition(user),
  );
  const [fetched, [count]] = await Promise.all([
    selectItemRows(
      db,
      and(where, keysetWhere(REVIEW_SORT, request)),
      keysetOrder(REVIEW_SORT, request),
      request.limit + 1,
      now,
    ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rectificationItems)
      .where(where),
  ]);
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
  return { tasks, page, total: count?.n ?? 0 };
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
  const [row] = await selectItemRows(
    db,
    and(
      eq(rectificationItems.id, itemId),
      inScope(user, {
        schoolId: rectificationItems.schoolId,
        districtId: rectificationItems.districtId,
      }),
    ),
    [],
    1,
    now,
  );
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
