/**
 * The office's list of submitted visits (issue #11): filtered, keyset-paginated on (started_at,
 * id) and joined in one SQL query, within the districts the caller reads (scope resolved once by
 * the caller).
 */
import "server-only";

import { and, desc, eq, exists, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import {
  parseVisitCursor,
  visitCursor,
  type VisitListQuery,
  type VisitListRow,
} from "@/lib/domain/visit/visit-list.schema";
import type { VisitKind } from "@/lib/domain/visit/visit.schema";

import type { DistrictFilter } from "./coverage-query";
import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";
import {
  campaigns,
  notices,
  rectificationItems,
  schools,
  user as users,
  visits,
  zones,
} from "../../db/schema";

const hasFindings = exists(
  sql`(select 1 from ${rectificationItems} where ${rectificationItems.visitId} = ${visits.id})`,
);

function filtersOf(districtIds: DistrictFilter, q: VisitListQuery): SQL[] {
  const where: (SQL | undefined)[] = [
    eq(visits.status, "submitted"),
    districtIds === null ? undefined : inArray(visits.districtId, [...districtIds]),
    q.zoneId ? eq(schools.zoneId, q.zoneId) : undefined,
    q.schoolId ? eq(visits.schoolId, q.schoolId) : undefined,
    q.inspectorId ? eq(visits.inspectorId, q.inspectorId) : undefined,
    q.kind ? eq(visits.kind, q.kind) : undefined,
    q.campaignId ? eq(visits.campaignId, q.campaignId) : undefined,
    withinChinaDays(visits.startedAt, q.from, q.to),
    q.findings === "yes" ? hasFindings : q.findings === "no" ? sql`not ${hasFindings}` : undefined,
  ];
  if (q.after) {
    const c = parseVisitCursor(q.after);
    const at = new Date(c.startedAt);
    where.push(or(lt(visits.startedAt, at), and(eq(visits.startedAt, at), lt(visits.id, c.id))));
  }
  return where.filter((w): w is SQL => w !== undefined);
}

/** One page of visits, newest first, and the cursor of the next page (null on the last). */
export async function listVisits(
  db: Executor,
  districtIds: DistrictFilter,
  q: VisitListQuery,
): Promise<{ visits: VisitListRow[]; next: string | null }> {
  if (districtIds !== null && districtIds.length === 0) return { visits: [], next: null };
  const rows = await db
    .select({
      id: visits.id,
      kind: visits.kind,
      startedAt: visits.startedAt,
      endedAt: visits.endedAt,
      submittedAt: visits.submittedAt,
      schoolId: visits.schoolId,
      schoolName: schools.name,
      zoneName: zones.name,
      inspectorName: users.name,
      campaignName: campaigns.name,
      findings: sql<number>`(select count(*)::int from ${rectificationItems} where ${rectificationItems.visitId} = ${visits.id})`,
      noticeId: notices.id,
      noticeNumber: notices.number,
    })
    .from(visits)
    .innerJoin(schools, eq(schools.id, visits.schoolId))
    .leftJoin(zones, eq(zones.id, schools.zoneId))
    .innerJoin(users, eq(users.id, visits.inspectorId))
    .leftJoin(campaigns, eq(campaigns.id, visits.campaignId))
    .leftJoin(notices, eq(notices.visitId, visits.id))
    .where(and(...filtersOf(districtIds, q)))
    .orderBy(desc(visits.startedAt), desc(visits.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map((r): VisitListRow => ({
    ...r,
    kind: r.kind as VisitKind,
    startedAt: r.startedAt.getTime(),
    endedAt: r.endedAt?.getTime() ?? null,
    submittedAt: r.submittedAt?.getTime() ?? null,
  }));
  const last = page.at(-1);
  return { visits: page, next: rows.length > q.limit && last ? visitCursor(last) : null };
}

export type FilterOption = { value: string; label: string };

/**
 * The choices of the list's filters within the caller's districts: zones, inspectors, running or
 * past campaigns, and the schools of the chosen zone (a whole district's schools make no menu).
 */
export async function visitFilterOptions(
  db: Executor,
  districtIds: DistrictFilter,
  zoneId: string | undefined,
): Promise<{
  zones: FilterOption[];
  inspectors: FilterOption[];
  schools: FilterOption[];
  campaigns: FilterOption[];
}> {
  if (districtIds !== null && districtIds.length === 0)
    return { zones: [], inspectors: [], schools: [], campaigns: [] };
  const inDistricts = (column: AnyPgColumn) =>
    districtIds === null ? undefined : inArray(column, [...districtIds]);
  const [zoneRows, inspectorRows, schoolRows, campaignRows] = await Promise.all([
    db
      .select({ value: zones.id, label: zones.name })
      .from(zones)
      .where(inDistricts(zones.districtId))
      .orderBy(zones.name),
    db
      .select({ value: users.id, label: users.name })
      .from(users)
      .where(and(eq(users.role, "inspector"), inDistricts(users.districtId)))
      .orderBy(users.name),
    zoneId
      ? db
          .select({ value: schools.id, label: schools.name })
          .from(schools)
          .where(and(eq(schools.zoneId, zoneId), inDistricts(schools.districtId)))
          .orderBy(schools.code)
      : Promise.resolve([]),
    db
      .select({ value: campaigns.id, label: campaigns.name })
      .from(campaigns)
      .where(inDistricts(campaigns.districtId))
      .orderBy(desc(campaigns.endsOn))
      .limit(100),
  ]);
  return {
    zones: zoneRows,
    inspectors: inspectorRows,
    schools: schoolRows,
    campaigns: campaignRows,
  };
}
