/**
 * Pull by cursor: the rows a user may see whose change_seq is past the cursor, oldest change first,
 * a page at a time. Reads one snapshot (REPEATABLE READ) so that the tables agree, and only up to the
 * change counter's watermark taken before it (lib/server/db/change-seq.ts), so no row can later
 * appear behind a cursor. Each role reads only the tables it can have rows in.
 */
import "server-only";

import { createHash } from "node:crypto";

import type { User } from "@/lib/domain/org/org.schema";
import type { PullChange, PullResponse } from "@/lib/sync/protocol";

import { scopedSchoolIds } from "../auth/scope";
import { changeSeqWatermark, type SeqRange } from "../db/change-seq";
import type { Db, Executor } from "../db/client";
import { itemRepository } from "../repositories/rectification/item-repository";
import { visitRepository } from "../repositories/visits/visit-repository";

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
  // Before the snapshot: every writer that had no claim left by now is visible in it.
  const counter = await changeSeqWatermark(db);
  return db.transaction(
    async (tx) => {
      const schoolIds = await scopedSchoolIds(tx, user);
      const scope = scopeFingerprint(user, schoolIds);
      const given = cursor === null ? null : parseCursor(cursor);
      const resetRequired =
        cursor !== null &&
        (given === null || given.scope !== scope || given.seq > counter.handedOut);
      const range: SeqRange = {
        from: resetRequired || given === null ? 0 : given.seq,
        to: counter.watermark,
        limit: pageSize + 1,
      };

      // Each table's next page; the merged page is the first `pageSize` of their union. Only an
      // inspector has visits and answers; their answers are found through their visits.
      const visitIds =
        user.role === "inspector" ? await visitRepository.idsOfInspector(tx, user.id) : [];
      const fetched = [
        ...(visitIds.length > 0 ? await visitChanges(tx, user, range) : []),
        ...(visitIds.length > 0 ? await answerChanges(tx, visitIds, range) : []),
        ...(schoolIds.length > 0 ? await itemChanges(tx, schoolIds, range) : []),
      ].sort((a, b) => a.seq - b.seq);
      const page = fetched.slice(0, pageSize);
      const last = page.at(-1)?.seq ?? range.from;
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

async function visitChanges(db: Executor, user: User, range: SeqRange): Promise<SeqChange[]> {
  const rows = await visitRepository.changesOfInspector(db, user.id, range);
  return rows.map(({ seq, visit }) => ({ seq, change: { entity: "visit", value: visit } }));
}

async function answerChanges(
  db: Executor,
  visitIds: readonly string[],
  range: SeqRange,
): Promise<SeqChange[]> {
  const rows = await visitRepository.answerChanges(db, visitIds, range);
  return rows.map(({ seq, answer }) => ({ seq, change: { entity: "answer", value: answer } }));
}

async function itemChanges(
  db: Executor,
  schoolIds: readonly string[],
  range: SeqRange,
): Promise<SeqChange[]> {
  const rows = await itemRepository.changesOfSchools(db, schoolIds, range);
  return rows.map(({ seq, item }) => ({
    seq,
    change: { entity: "rectificationItem", value: item },
  }));
}
