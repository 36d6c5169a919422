/**
 * The 整改通知书 read model: notices in a user's scope (../org/scope-sql.ts) with their school,
 * issuer, visit and how many of their items are in each state, a keyset page at a time, in SQL.
 * Paging and the notice's detail are lib/server/rectification/queries.ts's.
 */
import "server-only";

import { and, eq, isNull, type SQL, sql } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import type { NoticeSummary } from "@/lib/domain/rectification/notice.schema";
import {
  RECTIFICATION_STATUSES,
  type RectificationStatus,
  rectificationStatusSchema,
} from "@/lib/domain/rectification/rectification.schema";
import { visitKindSchema } from "@/lib/domain/visit/visit.schema";

import { rowToNotice } from "./notice-repository";
import type { Executor } from "../../db/client";
import { keysetOrder, keysetWhere, type PageRequest, type SortKey } from "../../db/keyset";
import { notices, rectificationItems, schools, user as users, visits } from "../../db/schema";
import { inScope } from "../org/scope-sql";
import { COUNT_CAP } from "../rectification/ledger-query";

const noticeScope = (user: User) =>
  inScope(user, { schoolId: notices.schoolId, districtId: notices.districtId });

function emptyStatusCounts(): Record<RectificationStatus, number> {
  return Object.fromEntries(RECTIFICATION_STATUSES.map((status) => [status, 0])) as Record<
    RectificationStatus,
    number
  >;
}

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
 * The page `request` asks for of the notices the user may see (of one school, if given; one row
 * more than its limit, to tell whether another page follows), newest first, and how many there
 * are in all and unread, each counted up to COUNT_CAP.
 */
export async function noticePageRows(
  db: Executor,
  user: User,
  schoolId: string | undefined,
  request: PageRequest,
): Promise<{ fetched: NoticeSummary[]; total: number; unread: number }> {
  const where = and(noticeScope(user), schoolId ? eq(notices.schoolId, schoolId) : undefined);
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
  return { fetched, total, unread };
}

/** The notice with its names and counts, if it is in the user's scope; null otherwise. */
export async function findNoticeSummary(
  db: Executor,
  user: User,
  noticeId: string,
): Promise<NoticeSummary | null> {
  const [summary] = await selectNotices(
    db,
    and(eq(notices.id, noticeId), noticeScope(user)),
    [],
    1,
  );
  return summary ?? null;
}
