/**
 * The 复查 queue's read model: what awaits a reviewer's decision, oldest request first, in SQL
 * (scope and what may await them), a keyset page at a time. Which decision each row awaits is the
 * service's (lib/server/rectification/queries.ts), by the domain's allowedActions.
 */
import "server-only";

import { and, eq, isNotNull, notInArray, or, type SQL, sql } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import type { ItemRow } from "@/lib/domain/rectification/ledger.schema";
import { FINAL_STATUSES } from "@/lib/domain/rectification/rectification.schema";

import { selectItemRows } from "./ledger-query";
import type { Executor } from "../../db/client";
import { keysetOrder, keysetWhere, type PageRequest, type SortKey } from "../../db/keyset";
import { rectificationItems } from "../../db/schema";
import { inScope } from "../org/scope-sql";

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
 * The page `request` asks for of what awaits this reviewer (one row more than its limit, to tell
 * whether another page follows), and how many await them in all.
 */
export async function reviewQueueRows(
  db: Executor,
  user: User,
  request: PageRequest,
  now: number,
): Promise<{ fetched: ItemRow[]; total: number }> {
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
  return { fetched, total: count?.n ?? 0 };
}
