/**
 * What migration 0012's triggers keep for the office's figures, recounted independently: each
 * item's facts judged in JS from the item itself with the domain's rules, and the tallies counted
 * in plain SQL from rectification_items (by domain and severity, and over all of them as '*'). A test calls these after writing items in some way and
 * expects both to agree with what is stored.
 */
import { and, eq, sql } from "drizzle-orm";

import { toChinaDate } from "@/lib/domain/dates";
import type { Executor } from "@/lib/server/db/client";
import {
  rectificationItemFacts,
  rectificationItems,
  schools,
  templates,
} from "@/lib/server/db/schema";
import { rowToItem } from "@/lib/server/repositories/rectification/item-repository";

/** Each item's facts as stored, and as judged from the item (repeat: a same-pair item closed before it was found). */
export async function itemFacts(db: Executor) {
  const rows = await db
    .select({
      item: rectificationItems,
      domain: templates.domain,
      fact: rectificationItemFacts,
    })
    .from(rectificationItems)
    .leftJoin(
      templates,
      and(
        eq(templates.code, rectificationItems.templateCode),
        eq(templates.version, rectificationItems.templateVersion),
      ),
    )
    .leftJoin(rectificationItemFacts, eq(rectificationItemFacts.itemId, rectificationItems.id));
  const items = rows.map((r) => ({ ...rowToItem(r.item), inspectorId: r.item.inspectorId }));
  const expected = rows.map((r, i) => {
    const item = items[i]!;
    return {
      itemId: item.id,
      districtId: item.districtId,
      schoolId: item.schoolId,
      inspectorId: item.inspectorId,
      domain: r.domain ?? "",
      severity: item.severity,
      status: item.status,
      itemCode: item.itemCode,
      createdAt: new Date(item.createdAt),
      foundOn: toChinaDate(item.createdAt),
      closedOn: item.closedAt === null ? null : toChinaDate(item.closedAt),
      dueDate: item.dueDate,
      reportedOn: item.response === null ? null : toChinaDate(item.response.submittedAt),
      repeat: items.some(
        (p) =>
          p.schoolId === item.schoolId &&
          p.itemCode === item.itemCode &&
          p.status === "closed" &&
          p.closedAt !== null &&
          p.closedAt < item.createdAt,
      ),
    };
  });
  return { stored: rows.map((r) => r.fact), expected };
}

type TallyRow = {
  district_id: string;
  dim: string;
  key: string;
  domain: string;
  severity: string;
  total: number;
  closed: number;
  cancelled: number;
  closed_on_time: number;
  close_days: number;
};

const inOrder = (rows: TallyRow[]) =>
  rows
    .map((r) => ({ ...r }))
    .sort((a, b) =>
      [a.district_id, a.dim, a.key, a.domain, a.severity]
        .join("|")
        .localeCompare([b.district_id, b.dim, b.key, b.domain, b.severity].join("|")),
    );

/** The stored tallies (rows that count anything), and the same counted from the items. */
export async function tallies(db: Executor) {
  const stored = await db.execute<TallyRow>(sql`
    select district_id::text, dim, key, domain, severity, total, closed, cancelled,
      closed_on_time, close_days
    from rectification_tallies
    where (total, closed, cancelled, closed_on_time, close_days) <> (0, 0, 0, 0, 0)`);
  const counted = await db.execute<TallyRow>(sql`
    with ri as (
      select ri.district_id, ri.school_id, ri.inspector_id, ri.severity, ri.status, ri.due_date,
        ${schools.zoneId} as zone_id, coalesce(t.domain, '') as domain,
        (ri.created_at at time zone 'Asia/Shanghai')::date as found_on,
        (ri.closed_at at time zone 'Asia/Shanghai')::date as closed_on
      from rectification_items ri
      join ${schools} on ${schools.id} = ri.school_id
      left join templates t on t.code = ri.template_code and t.version = ri.template_version
    ),
    keyed as (
      select ri.*, 'all' as dim, '' as key from ri
      union all select ri.*, 'zone', coalesce(ri.zone_id::text, '') from ri
      union all select ri.*, 'school', ri.school_id::text from ri
      union all select ri.*, 'inspector', ri.inspector_id from ri
      union all select ri.*, 'domain', ri.domain from ri
      union all select ri.*, 'severity', ri.severity from ri
      union all select ri.*, 'found', to_char(ri.found_on, 'YYYY-MM') from ri
      union all select ri.*, 'closed', to_char(ri.closed_on, 'YYYY-MM') from ri
        where ri.closed_on is not null
    )
    select district_id::text, dim, key, coalesce(domain, '*') as domain,
      coalesce(severity, '*') as severity, count(*)::int as total,
      count(*) filter (where status = 'closed')::int as closed,
      count(*) filter (where status = 'cancelled')::int as cancelled,
      count(*) filter (where status = 'closed'
        and (due_date is null or closed_on <= due_date))::int as closed_on_time,
      coalesce(sum(closed_on - found_on) filter (where status = 'closed'), 0)::int as close_days
    from keyed group by grouping sets ((district_id, dim, key, domain, severity), (district_id, dim, key))`);
  return { stored: inOrder(stored.rows), counted: inOrder(counted.rows) };
}
