/**
 * What the school, inspector and office screens read about notices and items, always through the
 * scope helper: a user gets only rows of schools they may see, and "not found" for anything else.
 */
import "server-only";

import { and, asc, desc, eq, inArray, or, isNotNull, type SQL } from "drizzle-orm";
import { z } from "zod";

import { toChinaDate } from "@/lib/domain/dates";
import { idSchema } from "@/lib/domain/ids";
import type { User } from "@/lib/domain/org/org.schema";
import type { ChainVerification, RectificationEvent } from "@/lib/domain/rectification/events";
import {
  RECTIFICATION_STATUSES,
  type RectificationActionType,
  type RectificationActor,
  type RectificationItem,
  type RectificationStatus,
  rectificationStatusSchema,
} from "@/lib/domain/rectification/rectification.schema";
import { allowedActions, daysOverdue } from "@/lib/domain/rectification/transition";
import { severitySchema } from "@/lib/domain/template/template.schema";
import { type VisitKind, visitKindSchema } from "@/lib/domain/visit/visit.schema";

import { actorFor, inScope } from "./access";
import { listEvents, verifyItemChain } from "./event-log";
import { failure, type Failure } from "./failure";
import { rowToItem } from "./item-repository";
import { type Notice, noticeRepository, rowToNotice } from "./notice-repository";
import { canSeeSchool } from "../auth/scope";
import type { Executor } from "../db/client";
import {
  districts,
  notices,
  rectificationItems,
  schools,
  user as users,
  visits,
  zones,
} from "../db/schema";
import { userRepository } from "../repositories/user-repository";

const NOT_FOUND = "整改通知书不存在";

const noticeScope = (db: Executor, user: User) =>
  inScope(db, user, { schoolId: notices.schoolId, districtId: notices.districtId });
const itemScope = (db: Executor, user: User) =>
  inScope(db, user, {
    schoolId: rectificationItems.schoolId,
    districtId: rectificationItems.districtId,
  });

function emptyStatusCounts(): Record<RectificationStatus, number> {
  return Object.fromEntries(RECTIFICATION_STATUSES.map((status) => [status, 0])) as Record<
    RectificationStatus,
    number
  >;
}

// ── Notices ───────────────────────────────────────────────────────────────────────────────────

export type NoticeSummary = Notice & {
  schoolName: string;
  issuedByName: string;
  /** The visit that found the problems: its kind (挂牌督导 …) and start time (epoch ms). */
  visitKind: VisitKind;
  visitedAt: number;
  itemCount: number;
  statusCounts: Record<RectificationStatus, number>;
};

export type NoticeDetail = NoticeSummary & {
  districtName: string;
  schoolAddress: string;
  /** In the notice's order (the visit's template and item order). */
  items: RectificationItem[];
};

async function summarize(db: Executor, where: SQL | undefined): Promise<NoticeSummary[]> {
  const rows = await db
    .select({
      notice: notices,
      schoolName: schools.name,
      issuedByName: users.name,
      visitKind: visits.kind,
      visitedAt: visits.startedAt,
    })
    .from(notices)
    .innerJoin(schools, eq(schools.id, notices.schoolId))
    .innerJoin(visits, eq(visits.id, notices.visitId))
    .innerJoin(users, eq(users.id, notices.issuedBy))
    .where(where)
    .orderBy(desc(notices.issuedAt), desc(notices.serial));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ noticeId: rectificationItems.noticeId, status: rectificationItems.status })
    .from(rectificationItems)
    .where(
      inArray(
        rectificationItems.noticeId,
        rows.map((r) => r.notice.id),
      ),
    );
  const byNotice = new Map<string, Record<RectificationStatus, number>>();
  for (const { noticeId, status } of counts) {
    if (noticeId === null) continue;
    const tally = byNotice.get(noticeId) ?? emptyStatusCounts();
    tally[rectificationStatusSchema.parse(status)] += 1;
    byNotice.set(noticeId, tally);
  }
  return rows.map((row) => {
    const statusCounts = byNotice.get(row.notice.id) ?? emptyStatusCounts();
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

/** The notices the user may see, newest first, with how many of their items are in each state. */
export async function listNotices(db: Executor, user: User): Promise<NoticeSummary[]> {
  return summarize(db, await noticeScope(db, user));
}

/** One notice with its items, or null when it does not exist or is outside the user's scope. */
export async function getNotice(
  db: Executor,
  user: User,
  noticeId: string,
): Promise<NoticeDetail | null> {
  if (!idSchema.safeParse(noticeId).success) return null;
  const [summary] = await summarize(db, and(eq(notices.id, noticeId), await noticeScope(db, user)));
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
): Promise<{ ok: true; notice: Notice; recorded: boolean } | Failure> {
  const notice = idSchema.safeParse(noticeId).success
    ? await noticeRepository.findById(db, noticeId)
    : null;
  if (notice === null || !(await canSeeSchool(db, user, notice.schoolId))) {
    return failure(404, NOT_FOUND);
  }
  if (user.role !== "school") return failure(403, "只有被检查学校查阅时才记录签收");
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

/** An item as lists show it: with its school, zone, notice number and days overdue today. */
export type ItemRow = {
  item: RectificationItem;
  schoolName: string;
  zoneId: string;
  zoneName: string;
  noticeNumber: string | null;
  daysOverdue: number;
};

async function itemRows(
  db: Executor,
  user: User,
  where: SQL | undefined,
  now: number,
): Promise<ItemRow[]> {
  const today = toChinaDate(now);
  const rows = await db
    .select({
      item: rectificationItems,
      schoolName: schools.name,
      zoneId: zones.id,
      zoneName: zones.name,
      noticeNumber: notices.number,
    })
    .from(rectificationItems)
    .innerJoin(schools, eq(schools.id, rectificationItems.schoolId))
    .innerJoin(zones, eq(zones.id, schools.zoneId))
    .leftJoin(notices, eq(notices.id, rectificationItems.noticeId))
    .where(and(await itemScope(db, user), where))
    .orderBy(desc(rectificationItems.createdAt), asc(rectificationItems.id));
  return rows.map((row) => {
    const item = rowToItem(row.item);
    return {
      item,
      schoolName: row.schoolName,
      zoneId: row.zoneId,
      zoneName: row.zoneName,
      noticeNumber: row.noticeNumber,
      daysOverdue: daysOverdue(item, today),
    };
  });
}

const booleanParam = z.enum(["true", "false", "1", "0"], { message: "应为 true 或 false" });

/** The 台账 filters, as query parameters: ?status=pending,returned&overdue=true&school=…&severity=major. */
export const itemFiltersSchema = z.object({
  status: z
    .string()
    .transform((s) => s.split(",").filter((part) => part !== ""))
    .pipe(z.array(rectificationStatusSchema))
    .optional(),
  overdue: booleanParam.transform((b) => b === "true" || b === "1").optional(),
  school: idSchema.optional(),
  zone: idSchema.optional(),
  severity: severitySchema.optional(),
});
export type ItemFilters = z.infer<typeof itemFiltersSchema>;

/** The ledger (台账): items in scope matching the filters, newest first. */
export async function listItems(
  db: Executor,
  user: User,
  filters: ItemFilters,
  now: number,
): Promise<ItemRow[]> {
  const rows = await itemRows(
    db,
    user,
    and(
      filters.status && filters.status.length > 0
        ? inArray(rectificationItems.status, filters.status)
        : undefined,
      filters.school ? eq(rectificationItems.schoolId, filters.school) : undefined,
      filters.zone ? eq(schools.zoneId, filters.zone) : undefined,
      filters.severity ? eq(rectificationItems.severity, filters.severity) : undefined,
    ),
    now,
  );
  if (filters.overdue === undefined) return rows;
  return rows.filter((row) => row.daysOverdue > 0 === filters.overdue);
}

export type ReviewTask = ItemRow & {
  /** What the reviewer is asked to decide: a school's answer (复查), an extension request, or both. */
  awaiting: ("review" | "extension")[];
};

/**
 * What awaits this reviewer's decision: answers to verify (the school's own inspector or the office)
 * and extension requests (the office only), oldest request first.
 */
export async function listReviewQueue(
  db: Executor,
  user: User,
  now: number,
): Promise<ReviewTask[]> {
  const rows = await itemRows(
    db,
    user,
    or(eq(rectificationItems.status, "submitted"), isNotNull(rectificationItems.extension)),
    now,
  );
  const actors = new Map<string, RectificationActor | null>();
  const tasks: ReviewTask[] = [];
  for (const row of rows) {
    const { schoolId } = row.item;
    if (!actors.has(schoolId)) actors.set(schoolId, await actorFor(db, user, schoolId));
    const actor = actors.get(schoolId);
    const allowed = actor ? allowedActions(row.item, actor) : [];
    const awaiting: ReviewTask["awaiting"] = [];
    if (allowed.includes("verify_pass")) awaiting.push("review");
    if (allowed.includes("approve_extension")) awaiting.push("extension");
    if (awaiting.length > 0) tasks.push({ ...row, awaiting });
  }
  const askedAt = (task: ReviewTask) =>
    Math.min(
      task.item.response?.submittedAt ?? Infinity,
      task.item.extension?.requestedAt ?? Infinity,
    );
  return tasks.sort((a, b) => askedAt(a) - askedAt(b));
}

export type ItemTimeline = ItemRow & {
  events: RectificationEvent[];
  verification: ChainVerification;
  /** What this user may do to the item now (the buttons to show). */
  allowedActions: RectificationActionType[];
};

/** One item with its history and the chain check, or null when it is unknown or out of scope. */
export async function getItemTimeline(
  db: Executor,
  user: User,
  itemId: string,
  now: number,
): Promise<ItemTimeline | null> {
  if (!idSchema.safeParse(itemId).success) return null;
  const [row] = await itemRows(db, user, eq(rectificationItems.id, itemId), now);
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
