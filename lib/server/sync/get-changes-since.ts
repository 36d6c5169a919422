/**
 * Pull by cursor: the rows a user may see whose change_seq is past the cursor, oldest change first,
 * a page at a time. Reads one snapshot (REPEATABLE READ) so that the three tables agree; writers take
 * the change-counter lock (lib/server/db/change-seq.ts), so no row can later appear behind a cursor.
 */
import "server-only";

import { createHash } from "node:crypto";

import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import type { PullChange, PullResponse } from "@/lib/sync/protocol";

import { scopedSchoolIds } from "../auth/scope";
import type { Db, Executor } from "../db/client";
import { rectificationItems, visitAnswers, visits } from "../db/schema";
import { rowToItem } from "../rectification/item-repository";
import { rowToAnswer, rowToVisit } from "../repositories/visit-repository";

/** Changes per page; the client pulls again at once while `hasMore`. */
export const PULL_PAGE_SIZE = 500;

type Cursor = { seq: number; scope: string };
type SeqChange = { seq: number; change: PullChange };

/**
 * The cursor is "<change_seq>.<scope>": where the last page ended, and a fingerprint of what the
 * user could see then. A different fingerprint (a zone assigned or taken away) calls for a full
 * snapshot, since rows of a newly visible school may lie far behind the cursor.
 */
const CURSOR_PATTERN = /^(\d{1,15})\.([0-9a-f]{16})$/;

export function formatCursor(cursor: Cursor): string {
  return `${cursor.seq}.${cursor.scope}`;
}

export function parseCursor(text: string): Cursor | null {
  const match = CURSOR_PATTERN.exec(text);
  return match ? { seq: Number(match[1]), scope: match[2]! } : null;
}

function scopeFingerprint(user: User, schoolIds: readonly string[]): string {
  const text = [user.id, ...[...schoolIds].sort()].join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The last number the counter handed out (0 before the first); committed or not. */
async function lastChangeSeq(db: Executor): Promise<number> {
  const result = await db.execute<{ last_value: number | string; is_called: boolean }>(
    sql`SELECT last_value, is_called FROM change_seq`,
  );
  const row = result.rows[0];
  return row?.is_called ? Number(row.last_value) : 0;
}

/**
 * The changes after `cursor` (null = from the beginning) that `user` may see: their own visits and
 * answers, and the 整改事项 of the schools in their scope — closed and cancelled ones too, so the
 * phone drops them. A cursor that is malformed, ahead of the server (a restored database) or from
 * another scope starts over with `resetRequired`.
 */
export async function getChangesSince(
  db: Db,
  user: User,
  cursor: string | null,
  pageSize = PULL_PAGE_SIZE,
): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const schoolIds = await scopedSchoolIds(tx, user);
      const scope = scopeFingerprint(user, schoolIds);
      const given = cursor === null ? null : parseCursor(cursor);
      const resetRequired =
        cursor !== null &&
        (given === null || given.scope !== scope || given.seq > (await lastChangeSeq(tx)));
      const from = resetRequired || given === null ? 0 : given.seq;

      // Each table's next page; the merged page is the first `pageSize` of their union.
      const fetched = [
        ...(await visitChanges(tx, user, from, pageSize + 1)),
        ...(await answerChanges(tx, user, from, pageSize + 1)),
        ...(await itemChanges(tx, schoolIds, from, pageSize + 1)),
      ].sort((a, b) => a.seq - b.seq);
      const page = fetched.slice(0, pageSize);
      const last = page.at(-1)?.seq ?? from;
      return {
        cursor: formatCursor({ seq: last, scope }),
        changes: page.map((c) => c.change),
        ...(fetched.length > pageSize ? { hasMore: true } : {}),
        ...(resetRequired ? { resetRequired: true } : {}),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

async function visitChanges(
  db: Executor,
  user: User,
  from: number,
  limit: number,
): Promise<SeqChange[]> {
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.inspectorId, user.id), gt(visits.changeSeq, from)))
    .orderBy(asc(visits.changeSeq))
    .limit(limit);
  return rows.map((row) => ({
    seq: row.changeSeq,
    change: { entity: "visit", value: rowToVisit(row) },
  }));
}

async function answerChanges(
  db: Executor,
  user: User,
  from: number,
  limit: number,
): Promise<SeqChange[]> {
  const rows = await db
    .select({ answer: visitAnswers })
    .from(visitAnswers)
    .innerJoin(visits, eq(visits.id, visitAnswers.visitId))
    .where(and(eq(visits.inspectorId, user.id), gt(visitAnswers.changeSeq, from)))
    .orderBy(asc(visitAnswers.changeSeq))
    .limit(limit);
  return rows.map(({ answer }) => ({
    seq: answer.changeSeq,
    change: { entity: "answer", value: rowToAnswer(answer) },
  }));
}

async function itemChanges(
  db: Executor,
  schoolIds: readonly string[],
  from: number,
  limit: number,
): Promise<SeqChange[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select()
    .from(rectificationItems)
    .where(
      and(
        inArray(rectificationItems.schoolId, [...schoolIds]),
        gt(rectificationItems.changeSeq, from),
      ),
    )
    .orderBy(asc(rectificationItems.changeSeq))
    .limit(limit);
  return rows.map((row) => ({
    seq: row.changeSeq,
    change: { entity: "rectificationItem", value: rowToItem(row) },
  }));
}
