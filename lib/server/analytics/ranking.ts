/**
 * 一月一排名一通报: the month's counts per school in SQL (scope resolved once), scored and ranked
 * by lib/domain/analytics/ranking.ts, and the 督导通报 built from them as an official document.
 */
import "server-only";

import { sql } from "drizzle-orm";

import { monthRange } from "@/lib/domain/analytics/filters";
import {
  rankSchools,
  rankZones,
  type SchoolRank,
  type ZoneRank,
} from "@/lib/domain/analytics/ranking";
import { toChinaDate } from "@/lib/domain/dates";
import { bulletinDocument } from "@/lib/domain/documents/bulletin";
import { supervisionOffice } from "@/lib/domain/documents/notice";
import type { User } from "@/lib/domain/org/org.schema";

import { monthWindow, schoolFilters } from "./dashboard";
import { schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";
import { documentPdf } from "../documents/documents";
import { districtRepository } from "../repositories/org/district-repository";

export type MonthlyRanking = {
  month: string;
  /** The day lateness is judged on: the month's last day, or today for the current month. */
  asOf: string;
  schools: SchoolRank[];
  zones: ZoneRank[];
  totals: { visits: number; findings: number; closed: number; late: number };
};

type Row = {
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

/** The month's ranking of the schools (and their zones) the user may see, optionally one zone's. */
export async function getMonthlyRanking(
  db: Executor,
  user: User,
  month: string,
  now: number,
  zone?: string,
): Promise<MonthlyRanking> {
  const today = toChinaDate(now);
  const { to } = monthRange(month);
  const asOf = to < today ? to : today;
  const { start, end } = monthWindow(month);
  const scope = await schoolScopeOf(db, user);
  // Late: past its deadline on `asOf`, neither closed nor reported by the deadline (the school's
  // lateness, as `daysOverdue` judges it). The item's facts (migration 0012) carry its China-time
  // days and whether it repeats a closed finding: one definition with the dashboard's.
  const result = await db.execute<Row>(sql`
    with sch as (
      select s.id, s.name, s.zone_id, z.name as zone_name
      from schools s left join zones z on z.id = s.zone_id
      where ${schoolFilters(scope, { zone })}
    ),
    vis as (
      select v.school_id, count(*)::int as visits from visits v
      where v.status = 'submitted' and v.started_at >= ${start} and v.started_at < ${end}
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
      where ri.status <> 'cancelled' and ri.created_at >= ${start} and ri.created_at < ${end}
        and ri.school_id in (select id from sch)
      group by ri.school_id
    )
    select sch.id, sch.name, sch.zone_id, sch.zone_name, coalesce(vis.visits, 0) as visits,
      coalesce(it.minor, 0) as minor, coalesce(it.major, 0) as major,
      coalesce(it.critical, 0) as critical, coalesce(it.late, 0) as late,
      coalesce(it.repeats, 0) as repeats, coalesce(it.closed, 0) as closed
    from sch left join vis on vis.school_id = sch.id left join it on it.school_id = sch.id`);
  const rows = result.rows;
  const schools = rankSchools(
    rows.map((r) => ({
      schoolId: r.id,
      schoolName: r.name,
      zoneId: r.zone_id,
      zoneName: r.zone_name,
      visits: r.visits,
      findings: { minor: r.minor, major: r.major, critical: r.critical },
      late: r.late,
      repeats: r.repeats,
    })),
  );
  const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    month,
    asOf,
    schools,
    zones: rankZones(schools),
    totals: {
      visits: sum((r) => r.visits),
      findings: sum((r) => r.minor + r.major + r.critical),
      closed: sum((r) => r.closed),
      late: sum((r) => r.late),
    },
  };
}

/**
 * The month's 督导通报 as a PDF, issued by the user's district office (an office account, or an
 * admin bound to a district); null when the user speaks for no district.
 */
export async function bulletinPdfFor(
  db: Executor,
  user: User,
  month: string,
  now: number,
): Promise<{ pdf: Buffer; filename: string } | null> {
  if (user.districtId === null) return null;
  // The district whose 通报 an office or admin issues (a 市级督导室 issues none).
  const districtName = await districtRepository.nameOf(db, user.districtId);
  if (districtName === null) return null;
  const ranking = await getMonthlyRanking(db, user, month, now);
  const document = bulletinDocument({
    districtName,
    month,
    asOf: ranking.asOf,
    issuedOn: toChinaDate(now),
    schools: ranking.schools,
    zones: ranking.zones,
    totals: ranking.totals,
  });
  return {
    pdf: await documentPdf(document, supervisionOffice(districtName)),
    filename: `${document.name}.pdf`,
  };
}
