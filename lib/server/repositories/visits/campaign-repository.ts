/**
 * 专项督查 rows (campaigns) and their target schools (campaign_schools), with the progress counted
 * in SQL from the visits that name a campaign. Who may see or create which campaign is the plans
 * service's business (lib/server/plans/campaigns.ts).
 */
import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import {
  type Campaign,
  type CampaignSchoolRow,
  campaignSchema,
} from "@/lib/domain/plan/campaign.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { PackCampaign } from "@/lib/domain/visit/visit-pack.schema";

import type { Executor } from "../../db/client";
import {
  campaignSchools,
  campaigns,
  rectificationItems,
  schools,
  user as users,
  visits,
  zones,
} from "../../db/schema";

type CampaignRow = typeof campaigns.$inferSelect;

function rowToCampaign(row: CampaignRow): Campaign {
  return campaignSchema.parse({
    id: row.id,
    districtId: row.districtId,
    name: row.name,
    templateCodes: row.templateCodes,
    target: row.target,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    inspectorIds: row.inspectorIds,
    createdAt: row.createdAt.getTime(),
  });
}

/** A campaign with its counts: target schools, those visited for it, its visits and their findings. */
export type CampaignCounts = {
  campaign: Campaign;
  targets: number;
  visited: number;
  visits: number;
  findings: number;
};

export const campaignRepository = {
  /** A new campaign with its target schools. */
  async insert(
    db: Executor,
    campaign: Campaign,
    createdBy: string,
    schoolIds: readonly string[],
  ): Promise<void> {
    await db.insert(campaigns).values({
      id: campaign.id,
      districtId: campaign.districtId,
      name: campaign.name,
      templateCodes: campaign.templateCodes,
      target: campaign.target,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      inspectorIds: campaign.inspectorIds,
      createdBy,
      createdAt: new Date(campaign.createdAt),
    });
    await db
      .insert(campaignSchools)
      .values(schoolIds.map((schoolId) => ({ campaignId: campaign.id, schoolId })));
  },

  /**
   * The campaigns of these districts (null: every district), or the one campaign, with their counts
   * in one query; newest window first, at most 200.
   */
  async listCounts(
    db: Executor,
    filter: { districtIds: readonly string[] | null; campaignId?: string },
  ): Promise<CampaignCounts[]> {
    // Spelled out: drizzle leaves a lone table's columns unqualified, which the subqueries would capture.
    const id = sql.raw(`"campaigns"."id"`);
    const visitedSchools = sql<number>`(
      select count(distinct v.school_id)::int from ${visits} v
      join ${campaignSchools} cs2 on cs2.campaign_id = v.campaign_id and cs2.school_id = v.school_id
      where v.campaign_id = ${id} and v.status = 'submitted')`;
    const rows = await db
      .select({
        campaign: campaigns,
        targets: sql<number>`(select count(*)::int from ${campaignSchools} cs where cs.campaign_id = ${id})`,
        visited: visitedSchools,
        visits: sql<number>`(select count(*)::int from ${visits} v where v.campaign_id = ${id} and v.status = 'submitted')`,
        findings: sql<number>`(select count(*)::int from ${rectificationItems} ri join ${visits} v on v.id = ri.visit_id where v.campaign_id = ${id})`,
      })
      .from(campaigns)
      .where(
        and(
          filter.campaignId === undefined ? undefined : eq(campaigns.id, filter.campaignId),
          filter.districtIds === null
            ? undefined
            : inArray(campaigns.districtId, [...filter.districtIds]),
        ),
      )
      .orderBy(desc(campaigns.endsOn), desc(campaigns.id))
      .limit(200);
    return rows.map((row) => ({ ...row, campaign: rowToCampaign(row.campaign) }));
  },

  /** The campaign's target schools with the first visit made for each, not yet visited first. */
  async listSchools(
    db: Executor,
    campaignId: string,
  ): Promise<Omit<CampaignSchoolRow, "status">[]> {
    const rows = await db
      .select({
        schoolId: schools.id,
        schoolName: schools.name,
        schoolCode: schools.code,
        zoneName: zones.name,
        visitId: sql<string | null>`first.id`,
        visitedAt: sql<Date | null>`first.started_at`,
        inspectorName: sql<string | null>`first.inspector_name`,
        findings: sql<number>`coalesce(first.findings, 0)`,
      })
      .from(campaignSchools)
      .innerJoin(schools, eq(schools.id, campaignSchools.schoolId))
      .leftJoin(zones, eq(zones.id, schools.zoneId))
      .leftJoin(
        sql`lateral (
          select v.id, v.started_at, u.name as inspector_name,
            (select count(*)::int from ${rectificationItems} ri where ri.visit_id = v.id) as findings
          from ${visits} v join ${users} u on u.id = v.inspector_id
          where v.campaign_id = ${campaignId} and v.school_id = ${schools.id} and v.status = 'submitted'
          order by v.started_at limit 1) first`,
        sql`true`,
      )
      .where(eq(campaignSchools.campaignId, campaignId))
      .orderBy(sql`first.id is not null`, asc(schools.code))
      .limit(1000);
    return rows.map((row) => ({
      ...row,
      visitedAt: row.visitedAt === null ? null : new Date(row.visitedAt).getTime(),
    }));
  },

  /**
   * The district's campaigns running `today` that the inspector takes part in (named, or every
   * 责任督学 when none is), each with its schools among `schoolIds` not yet visited for it.
   */
  async runningFor(
    db: Executor,
    inspector: { id: string; districtId: string },
    schoolIds: readonly string[],
    today: DateString,
  ): Promise<PackCampaign[]> {
    const rows = await db
      .select({
        campaign: campaigns,
        due: sql<
          string[]
        >`array_agg(${campaignSchools.schoolId} order by ${campaignSchools.schoolId})`,
      })
      .from(campaigns)
      .innerJoin(campaignSchools, eq(campaignSchools.campaignId, campaigns.id))
      .where(
        and(
          eq(campaigns.districtId, inspector.districtId),
          sql`${campaigns.startsOn} <= ${today} and ${campaigns.endsOn} >= ${today}`,
          sql`(${campaigns.inspectorIds} = '[]'::jsonb or ${campaigns.inspectorIds} ? ${inspector.id})`,
          sql`${campaignSchools.schoolId} = any(${sql.param([...schoolIds])}::uuid[])`,
          sql`not exists (select 1 from ${visits} v where v.campaign_id = ${campaigns.id}
            and v.school_id = ${campaignSchools.schoolId} and v.status = 'submitted')`,
        ),
      )
      .groupBy(campaigns.id)
      .orderBy(asc(campaigns.endsOn));
    return rows.map(({ campaign, due }) => ({
      id: campaign.id,
      name: campaign.name,
      templateCodes: campaign.templateCodes as string[],
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      dueSchoolIds: due,
    }));
  },

  /** Whether the campaign is of the district and targets the school. */
  async targets(
    db: Executor,
    campaignId: string,
    schoolId: string,
    districtId: string,
  ): Promise<boolean> {
    const [row] = await db
      .select({ id: campaignSchools.schoolId })
      .from(campaignSchools)
      .innerJoin(campaigns, eq(campaigns.id, campaignSchools.campaignId))
      .where(
        and(
          eq(campaignSchools.campaignId, campaignId),
          eq(campaignSchools.schoolId, schoolId),
          eq(campaigns.districtId, districtId),
        ),
      );
    return row !== undefined;
  },

  /** The campaign's name; null when there is none. */
  async nameOf(db: Executor, campaignId: string): Promise<string | null> {
    const [row] = await db
      .select({ name: campaigns.name })
      .from(campaigns)
      .where(eq(campaigns.id, campaignId));
    return row?.name ?? null;
  },
};
