/**
 * The month's counts per school for 一月一排名 (visits, findings by severity, late, repeats, closed),
 * in one statement over the schools in scope; lib/server/analytics/ranking.ts scores and ranks them.
 */
import "server-only";

import { sql } from "drizzle-orm";

import type { SchoolScope } from "@/lib/domain/org/org-scope";
import type { DateString } from "@/lib/domain/visit/answer.schema";

import { schoolFilters } from "./dashboard-query";
import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";

export type SchoolMonthCounts = {
  id: string;
  name: string;
  zone_id: string | null;
  zone_name: string | null;
  visits: number;
  minor: number;
  major: number;
  critical: number;
  late: number;
  repeats: number;
  closed: number;
};

/**
 * Each school in scope (of `zone`, if given) with its counts of the month's days `from` … `to`;
 * lateness is judged on `asOf`.
 */
export async function monthlySchoolCounts(
  db: Executor,
  scope: SchoolScope,
  month: { from: DateString; to: DateString; asOf: DateString; zone?: string },
): Promise<SchoolMonthCounts[]> {
  const { from, to, asOf, zone } = month;
  // Late: past its deadline on `asOf`, neither closed nor reported by the deadline (the school's
  // lateness, as `daysOverdue` judges it). The item's facts (migration 0012) carry its China-time
  // days and whether it repeats a closed finding: one definition with the dashboard's.
  const result = await db.execute<SchoolMonthCounts>(sql`
    with sch as (
      select s.id, s.name, s.zone_id, z.name as zone_name
      from schools s left join zones z on z.id = s.zone_id
      where ${schoolFilters(scope, { zone })}
    ),
    vis as (
      select v.school_id, count(*)::int as visits from visits v
      where v.status = 'submitted' and ${withinChinaDays(sql`v.started_at`, from, to)}
        and v.school_id in (select id from sch)
      group by v.school_id
    ),
    it as (
      select ri.school_id,
        count(*) filter (where ri.severity = 'minor')::int as minor,
        count(*) filter (where ri.severity = 'major')::int as major,
        count(*) filter (where ri.severity = 'critical')::int as critical,
        count(*) filter (where ri.status = 'closed')::int as closed,
        count(*) filter (where ri.due_date is not null and ri.due_date < ${asOf}::date
          and not (ri.status = 'closed' and f.closed_on <= ri.due_date)
          and not coalesce(f.reported_on <= ri.due_date, false))::int as late,
        count(*) filter (where f.repeat)::int as repeats
      from rectification_items ri
      join rectification_item_facts f on f.item_id = ri.id
      where ri.status <> 'cancelled' and ${withinChinaDays(sql`ri.created_at`, from, to)}
        and ri.school_id in (select id from sch)
      group by ri.school_id
    )
    select sch.id, sch.name, sch.zone_id, sch.zone_name, coalesce(vis.visits, 0) as visits,
      coalesce(it.minor, 0) as minor, coalesce(it.major, 0) as major,
      coalesce(it.critical, 0) as critical, coalesce(it.late, 0) as late,
      coalesce(it.repeats, 0) as repeats, coalesce(it.closed, 0) as closed
    from sch left join vis on vis.school_id = sch.id left join it on it.school_id = sch.id`);
  return result.rows;
}
