/**
 * 一月一排名一通报: the month's counts per school in SQL (scope resolved once;
 * lib/server/repositories/rectification/ranking-query.ts), scored and ranked by
 * lib/domain/analytics/ranking.ts, and the 督导通报 built from them as an official document.
 */
import "server-only";

import {
  rankSchools,
  rankZones,
  type SchoolRank,
  type ZoneRank,
} from "@/lib/domain/analytics/ranking";
import { toChinaDate } from "@/lib/domain/dates";
import { bulletinDocument } from "@/lib/domain/documents/bulletin";
import { supervisionOffice } from "@/lib/domain/documents/notice";
import { monthDays } from "@/lib/domain/month";
import type { User } from "@/lib/domain/org/org.schema";

import { schoolScopeOf } from "../auth/scope";
import type { Executor } from "../db/client";
import { documentPdf } from "../documents/documents";
import { districtRepository } from "../repositories/org/district-repository";
import {
  monthlySchoolCounts,
  type SchoolMonthCounts,
} from "../repositories/rectification/ranking-query";

export type MonthlyRanking = {
  month: string;
  /** The day lateness is judged on: the month's last day, or today for the current month. */
  asOf: string;
  schools: SchoolRank[];
  zones: ZoneRank[];
  totals: { visits: number; findings: number; closed: number; late: number };
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
  const { from, to } = monthDays(month);
  const asOf = to < today ? to : today;
  const scope = await schoolScopeOf(db, user);
  const rows = await monthlySchoolCounts(db, scope, { from, to, asOf, zone });
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
  const sum = (f: (r: SchoolMonthCounts) => number) => rows.reduce((a, r) => a + f(r), 0);
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
