/**
 * The 整改台账 read model: filters, sort and keyset pages in SQL, scoped by the pure-SQL scope of
 * ../org/scope-sql.ts. Every filter is a condition on rectification_items itself (subqueries for
 * zone, inspector, domain and text), so counting needs no join, and a page joins its names for its
 * own rows only. Used by the ledger API and page, the school's list, an item's page, and the
 * exports (lib/server/rectification/ledger.ts formats them).
 */
import "server-only";

import { and, type AnyColumn, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import { toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import type { PageInfo } from "@/lib/domain/page";
import type { ItemFilters, ItemRow, LedgerQuery } from "@/lib/domain/rectification/ledger.schema";
import { daysOverdue } from "@/lib/domain/rectification/transition";
import {
  TEMPLATE_DOMAINS,
  type TemplateDomain,
  templateDomainSchema,
} from "@/lib/domain/template/template.schema";

import { rowToItem } from "./item-repository";
import { daysOverdueSql, reportedOnSql } from "./overdue-sql";
import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";
import {
  finishPage,
  keysetOrder,
  keysetWhere,
  type PageRequest,
  pageRequest,
  type SortKey,
} from "../../db/keyset";
import {
  notices,
  rectificationEvents,
  rectificationItems as items,
  schools,
  templates,
  user as users,
  zoneInspectors,
  zones,
} from "../../db/schema";
import { inScope } from "../org/scope-sql";

/** No due date (立行立改) sorts after every date. */
const DUE_SORT = sql`coalesce(${items.dueDate}, '9999-12-31'::date)`;

function sortKey(query: Pick<LedgerQuery, "sort" | "dir">): SortKey {
  const descending = (query.dir ?? (query.sort === "due" ? "asc" : "desc")) === "desc";
  return query.sort === "due"
    ? { value: DUE_SORT, id: items.id, descending, bind: (v) => sql`${String(v)}::date` }
    : {
        value: items.createdAt,
        id: items.id,
        descending,
        bind: (v) => sql`${new Date(Number(v)).toISOString()}::timestamptz`,
      };
}

/** Overdue as lib/domain's daysOverdue decides it (reported on time is not overdue). */
export function overdueCondition(today: string): SQL {
  const row = {
    status: items.status,
    dueDate: items.dueDate,
    reportedOn: reportedOnSql(items.response),
  };
  return sql`${daysOverdueSql(row, today)} > 0`;
}

/** The text an item is found by; rectification_items_search_idx indexes it by trigrams. */
const searchedText = (t: { description: AnyColumn; prompt: AnyColumn; itemCode: AnyColumn }) =>
  sql`(${t.description} || ' ' || ${t.prompt} || ' ' || ${t.itemCode})`;
const searched = alias(items, "searched");
/** An alias renders as its bare name in sql``; the FROM needs the table too. */
const FROM_SEARCHED = sql`${items} ${sql.identifier("searched")}`;

/**
 * The ids of items whose text, school name or notice number contains the pattern: a union of three
 * indexable lookups (trigram index, school, notice), where one OR across them would scan every item.
 */
function searchMatches(pattern: string): SQL {
  return sql`(
    SELECT ${searched.id} FROM ${FROM_SEARCHED} WHERE ${searchedText(searched)} ilike ${pattern}
    UNION ALL
    SELECT ${searched.id} FROM ${FROM_SEARCHED} WHERE ${searched.schoolId} IN
      (SELECT ${schools.id} FROM ${schools} WHERE ${schools.name} ilike ${pattern})
    UNION ALL
    SELECT ${searched.id} FROM ${FROM_SEARCHED} WHERE ${searched.noticeId} IN
      (SELECT ${notices.id} FROM ${notices} WHERE ${notices.number} ilike ${pattern}))`;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters as conditions on rectification_items alone. */
export function filterConditions(filters: ItemFilters, today: string): SQL | undefined {
  const q = filters.q ? likePattern(filters.q) : null;
  return and(
    filters.zone
      ? inArray(
          items.schoolId,
          sql`(SELECT ${schools.id} FROM ${schools} WHERE ${schools.zoneId} = ${filters.zone})`,
        )
      : undefined,
    filters.school ? eq(items.schoolId, filters.school) : undefined,
    filters.inspector ? eq(items.inspectorId, filters.inspector) : undefined,
    filters.domain?.length
      ? inArray(
          items.templateCode,
          sql`(SELECT ${templates.code} FROM ${templates} WHERE ${inArray(templates.domain, filters.domain)})`,
        )
      : undefined,
    filters.severity?.length ? inArray(items.severity, filters.severity) : undefined,
    filters.state?.length ? inArray(items.status, filters.state) : undefined,
    filters.overdue === undefined
      ? undefined
      : filters.overdue
        ? overdueCondition(today)
        : sql`not ${overdueCondition(today)}`,
    withinChinaDays(items.createdAt, filters.from, filters.to),
    q ? inArray(items.id, searchMatches(q)) : undefined,
  );
}

const inspectors = alias(users, "inspector");

/**
 * Items with their names, for `where` in `order`, at most `limit` rows. The page is chosen on
 * rectification_items alone (a LIMIT subquery the planner cannot flatten) and only its rows are
 * joined to their names, so a broad scope never joins the whole table before sorting.
 */
export async function selectItemRows(
  db: Executor,
  where: SQL | undefined,
  orderBy: SQL[],
  limit: number,
  now: number,
): Promise<ItemRow[]> {
  const today = toChinaDate(now);
  const page = db
    .select({ id: items.id })
    .from(items)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit)
    .as("page");
  const rows = await db
    .select({
      item: items,
      schoolName: schools.name,
      zoneId: zones.id,
      zoneName: zones.name,
      noticeNumber: notices.number,
      inspectorId: items.inspectorId,
      inspectorName: inspectors.name,
      domain: templates.domain,
      reviewNote: sql<string | null>`case when ${items.status} = 'closed' then (
        SELECT ${rectificationEvents.payload}->>'note' FROM ${rectificationEvents}
        WHERE ${rectificationEvents.itemId} = ${items.id} AND ${rectificationEvents.type} IN ('verify_pass', 'verify_on_site')
        ORDER BY ${rectificationEvents.seq} DESC LIMIT 1) end`,
    })
    .from(page)
    .innerJoin(items, eq(items.id, page.id))
    .innerJoin(schools, eq(schools.id, items.schoolId))
    .innerJoin(zones, eq(zones.id, schools.zoneId))
    .leftJoin(inspectors, eq(inspectors.id, items.inspectorId))
    .leftJoin(notices, eq(notices.id, items.noticeId))
    .leftJoin(
      templates,
      and(eq(templates.code, items.templateCode), eq(templates.version, items.templateVersion)),
    )
    .orderBy(...orderBy);
  return rows.map((row) => {
    const item = rowToItem(row.item);
    return {
      item,
      schoolName: row.schoolName,
      zoneId: row.zoneId,
      zoneName: row.zoneName,
      noticeNumber: row.noticeNumber,
      inspectorId: row.inspectorId,
      inspectorName: row.inspectorName ?? "",
      domain: row.domain === null ? null : templateDomainSchema.parse(row.domain),
      reviewNote: row.reviewNote,
      daysOverdue: daysOverdue(item, today),
    };
  });
}

/** `total` counts at most this many; past it the page says "more than" (`totalCapped`). */
export const COUNT_CAP = 10_000;

export type ItemPage = { rows: ItemRow[]; page: PageInfo; total: number; totalCapped: boolean };

/**
 * How many items in scope match the filters, on rectification_items alone (no joins); with `cap`,
 * it stops counting at cap + 1, so a province-wide total costs no more than a district's.
 */
export async function countItems(
  db: Executor,
  user: User,
  filters: ItemFilters,
  now: number,
  cap?: number,
): Promise<number> {
  const matching = db
    .select({ one: sql`1` })
    .from(items)
    .where(and(scopeOf(user), filterConditions(filters, toChinaDate(now))));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from((cap === undefined ? matching : matching.limit(cap + 1)).as("matching"));
  return row?.n ?? 0;
}

const scopeOf = (user: User) =>
  inScope(user, { schoolId: items.schoolId, districtId: items.districtId });

/**
 * One page of the ledger: items in the user's scope matching the filters, in the chosen order,
 * with the total count. `{ error }` when the cursor is not one this server made.
 */
export async function listItemPage(
  db: Executor,
  user: User,
  query: LedgerQuery,
  now: number,
): Promise<ItemPage | { error: string }> {
  const request = pageRequest(query);
  if ("error" in request) return request;
  const sort = sortKey(query);
  const where = and(scopeOf(user), filterConditions(query, toChinaDate(now)));
  const [fetched, total] = await Promise.all([
    selectItemRows(
      db,
      and(where, keysetWhere(sort, request)),
      keysetOrder(sort, request),
      request.limit + 1,
      now,
    ),
    countItems(db, user, query, now, COUNT_CAP),
  ]);
  const keyOf = (row: ItemRow): [string | number, string] => [
    query.sort === "due" ? (row.item.dueDate ?? "9999-12-31") : row.item.createdAt,
    row.item.id,
  ];
  return {
    ...finishPage(fetched, request, keyOf),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  };
}

/** The item with its names, if it is in the user's scope; null otherwise. */
export async function findItemRow(
  db: Executor,
  user: User,
  itemId: string,
  now: number,
): Promise<ItemRow | null> {
  const [row] = await selectItemRows(db, and(eq(items.id, itemId), scopeOf(user)), [], 1, now);
  return row ?? null;
}

/** Oldest finding first: the order an office files its 台账 in. */
const EXPORT_SORT: SortKey = {
  value: items.createdAt,
  id: items.id,
  descending: false,
  bind: (v) => sql`${new Date(Number(v)).toISOString()}::timestamptz`,
};

/** One batch of an export: the matching items after the request's key, oldest finding first. */
export async function exportBatch(
  db: Executor,
  user: User,
  filters: ItemFilters,
  request: PageRequest,
  now: number,
): Promise<ItemRow[]> {
  const where = and(scopeOf(user), filterConditions(filters, toChinaDate(now)));
  return selectItemRows(
    db,
    and(where, keysetWhere(EXPORT_SORT, request)),
    keysetOrder(EXPORT_SORT, request),
    request.limit,
    now,
  );
}

export type DomainSummary = {
  domain: TemplateDomain;
  total: number;
  closed: number;
  cancelled: number;
  overdue: number;
};

/** Per 检查领域: how many matching items, closed, cancelled and overdue — one GROUP BY. */
export async function summarizeByDomain(
  db: Executor,
  user: User,
  filters: ItemFilters,
  now: number,
): Promise<DomainSummary[]> {
  const today = toChinaDate(now);
  const rows = await db
    .select({
      domain: templates.domain,
      total: sql<number>`count(*)::int`,
      closed: sql<number>`count(*) filter (where ${items.status} = 'closed')::int`,
      cancelled: sql<number>`count(*) filter (where ${items.status} = 'cancelled')::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
    })
    .from(items)
    .innerJoin(
      templates,
      and(eq(templates.code, items.templateCode), eq(templates.version, items.templateVersion)),
    )
    .where(and(scopeOf(user), filterConditions(filters, today)))
    .groupBy(templates.domain);
  const byDomain = new Map(rows.map((r) => [r.domain, r]));
  return TEMPLATE_DOMAINS.flatMap((domain) => {
    const row = byDomain.get(domain);
    return row && row.total > 0 ? [{ ...row, domain }] : [];
  });
}

type Option = { value: string; label: string };

/** A school list longer than this is not offered as a select until a zone narrows it. */
const MAX_SCHOOL_OPTIONS = 500;

/**
 * The choices the ledger's filter form offers, all within the user's scope: zones, inspectors of
 * those zones, and schools (of the chosen zone; all of them only when they are few enough).
 */
export async function ledgerFilterOptions(
  db: Executor,
  user: User,
  zoneId: string | undefined,
): Promise<{ zones: Option[]; schools: Option[] | null; inspectors: Option[] }> {
  const schoolScope = inScope(user, { schoolId: schools.id, districtId: schools.districtId });
  const zonesInScope = sql`(SELECT ${schools.zoneId} FROM ${schools} WHERE ${schoolScope ?? sql`true`})`;
  const [zoneRows, schoolRows, inspectorRows] = await Promise.all([
    db
      .select({ value: zones.id, label: zones.name })
      .from(zones)
      .where(inArray(zones.id, zonesInScope))
      .orderBy(zones.name),
    db
      .select({ value: schools.id, label: schools.name })
      .from(schools)
      .where(and(schoolScope, zoneId ? eq(schools.zoneId, zoneId) : undefined))
      .orderBy(schools.code)
      .limit(MAX_SCHOOL_OPTIONS + 1),
    db
      .selectDistinct({ value: users.id, label: users.name })
      .from(users)
      .innerJoin(zoneInspectors, eq(zoneInspectors.userId, users.id))
      .where(inArray(zoneInspectors.zoneId, zonesInScope))
      .orderBy(users.name, users.id),
  ]);
  return {
    zones: zoneRows,
    schools: schoolRows.length > MAX_SCHOOL_OPTIONS ? null : schoolRows,
    inspectors: inspectorRows,
  };
}
