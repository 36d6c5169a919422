/**
 * Keyset pagination: a page is "the next `limit` rows after (or before) this row's sort key", never
 * an OFFSET, so page 1,000 costs what page 1 does. The cursor is the boundary row's key, opaque to
 * clients (base64url JSON), checked when it comes back.
 */
import "server-only";

import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

import { PAGE_LIMIT_DEFAULT, type PageInfo, type PageQuery } from "@/lib/domain/page";

/** A row's sort key: its sort value (a number or a date/time string) and its id as the tie-break. */
export type Key = [value: string | number, id: string];
const keySchema = z.tuple([z.union([z.string().max(64), z.number()]), z.uuid()]);

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key in a cursor, or null when it is not one of ours (the caller answers 422). */
export function decodeCursor(cursor: string): Key | null {
  try {
    const parsed = keySchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Where a page starts and which way it reads: `forward` in the list's own order, or backward (for
 * "previous page") in reverse order, the rows then turned round by `finishPage`.
 */
export type PageRequest = { key: Key | null; forward: boolean; limit: number };

export function pageRequest(query: PageQuery): PageRequest | { error: string } {
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const cursor = query.before ?? query.after;
  if (cursor === undefined) return { key: null, forward: true, limit };
  const key = decodeCursor(cursor);
  if (key === null) return { error: "分页参数无效，请从第一页重新查看" };
  return { key, forward: query.before === undefined, limit };
}

/**
 * The page from rows fetched with LIMIT limit + 1 in the request's reading order: the extra row only
 * says there is more that way.
 */
export function finishPage<R>(
  fetched: R[],
  request: PageRequest,
  keyOf: (row: R) => Key,
): { rows: R[]; page: PageInfo } {
  const more = fetched.length > request.limit;
  const rows = fetched.slice(0, request.limit);
  if (!request.forward) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = request.forward ? more : request.key !== null;
  const hasPrev = request.forward ? request.key !== null : more;
  return {
    rows,
    page: {
      next: hasNext && last !== undefined ? encodeCursor(keyOf(last)) : null,
      prev: hasPrev && first !== undefined ? encodeCursor(keyOf(first)) : null,
      limit: request.limit,
    },
  };
}

/** How a list sorts: by `value` (an indexed expression), ties broken by `id`, newest or largest first when `descending`. */
export type SortKey = {
  value: SQL | AnyColumn;
  id: AnyColumn;
  descending: boolean;
  /** The cursor's value as SQL of the sort expression's type, e.g. a timestamptz. */
  bind(value: string | number): SQL;
};

const readsDescending = (sort: SortKey, request: PageRequest) =>
  sort.descending === request.forward;

/** The row-value condition that starts the page after (or before) the cursor row; undefined on page 1. */
export function keysetWhere(sort: SortKey, request: PageRequest): SQL | undefined {
  if (request.key === null) return undefined;
  const [value, id] = request.key;
  return readsDescending(sort, request)
    ? sql`(${sort.value}, ${sort.id}) < (${sort.bind(value)}, ${id}::uuid)`
    : sql`(${sort.value}, ${sort.id}) > (${sort.bind(value)}, ${id}::uuid)`;
}

/** ORDER BY for the request's reading direction (the index is scanned forwards or backwards). */
export function keysetOrder(sort: SortKey, request: PageRequest): SQL[] {
  const direction = readsDescending(sort, request) ? sql`desc` : sql`asc`;
  return [sql`${sort.value} ${direction}`, sql`${sort.id} ${direction}`];
}
