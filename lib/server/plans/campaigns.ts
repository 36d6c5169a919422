/**
 * 专项督查 campaigns (issue #11): the office defines one, its target schools are resolved once
 * with the domain's targeting rule, inspectors find its due visits in their pack, and progress is
 * counted in SQL from the visits that name the campaign.
 */
import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import { idSchema } from "@/lib/domain/ids";
import type { OrgScope } from "@/lib/domain/org/org-scope";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import type { User } from "@/lib/domain/org/org.schema";
import {
  type Campaign,
  type CampaignInput,
  type CampaignProgress,
  type CampaignSchoolRow,
  campaignSchema,
  campaignSchoolStatus,
  isCampaignTarget,
} from "@/lib/domain/plan/campaign.schema";
import { type Outcome, type Refusal, refusal, refused, type Refused } from "@/lib/domain/refusal";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { PackCampaign } from "@/lib/domain/visit/visit-pack.schema";
import { newId } from "@/lib/utils/ids";

import type { Db, Executor } from "../db/client";
import {
  campaignSchools,
  campaigns,
  rectificationItems,
  schools,
  user as users,
  visits,
  zones,
} from "../db/schema";
import { writeRefusal } from "../org/org-service";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { zoneRepository } from "../repositories/org/zone-repository";
import { templateRepository } from "../repositories/template-repository";

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

/** Why the campaign's checklists, zones or inspectors are not the district's, or null. */
async function inputRefusal(
  db: Executor,
  districtId: string,
  input: CampaignInput,
): Promise<Refused | null> {
  const offered = new Set(
    (await templateRepository.listOffered(db, districtId)).map((t) => t.code),
  );
  const missing = input.templateCodes.find((code) => !offered.has(code));
  if (missing) return refused("invalid_input", `检查表 ${missing} 未在本区县启用`);
  if (input.target.kind === "attributes" && input.target.zoneIds.length > 0) {
    const found = await zoneRepository.idsInDistrict(db, districtId, input.target.zoneIds, false);
    if (found.length !== new Set(input.target.zoneIds).size)
      return refused("invalid_input", "责任区不存在或不属于本区县");
  }
  if (input.inspectorIds.length > 0) {
    const found = await userRepository.inspectorIdsAmong(db, districtId, input.inspectorIds, false);
    if (found.length !== new Set(input.inspectorIds).size)
      return refused("invalid_input", "督学不存在或不属于本区县");
  }
  return null;
}

/** Creates a campaign in the caller's district with its target schools; refuses an empty target. */
export async function createCampaign(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: CampaignInput,
  now: number,
): Promise<Outcome<{ campaign: Campaign; schoolCount: number }>> {
  const districtId = actor.districtId;
  if (districtId === null) return refused("forbidden", "当前账号未绑定区县，无法创建专项督查");
  const notWritable = writeRefusal(scope, districtId);
  if (notWritable) return notWritable;
  return db.transaction(async (tx) => {
    const refusal = await inputRefusal(tx, districtId, input);
    if (refusal) return refusal;
    const candidates =
      input.target.kind === "schools"
        ? await schoolRepository.listByIds(tx, input.target.schoolIds)
        : await schoolRepository.listActiveByDistrict(tx, districtId);
    const targets = candidates.filter(
      (s) => s.districtId === districtId && isCampaignTarget(input.target, s),
    );
    if (input.target.kind === "schools" && targets.length !== new Set(input.target.schoolIds).size)
      return refused("invalid_input", "所选学校不存在、已停用或不属于本区县");
    if (targets.length === 0) return refused("invalid_input", "没有符合条件的学校，请调整目标学校");
    const campaign: Campaign = {
      id: newId(),
      districtId,
      ...input,
      createdAt: now,
    };
    await tx.insert(campaigns).values({
      id: campaign.id,
      districtId,
      name: campaign.name,
      templateCodes: campaign.templateCodes,
      target: campaign.target,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      inspectorIds: campaign.inspectorIds,
      createdBy: actor.id,
      createdAt: new Date(now),
    });
    await tx
      .insert(campaignSchools)
      .values(targets.map((s) => ({ campaignId: campaign.id, schoolId: s.id })));
    return { ok: true as const, value: { campaign, schoolCount: targets.length } };
  });
}

/** Counts per campaign, in one query; `today` decides due against overdue. */
async function progressOf(
  db: Executor,
  where: ReturnType<typeof and>,
  today: DateString,
): Promise<CampaignProgress[]> {
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
    .where(where)
    .orderBy(desc(campaigns.endsOn), desc(campaigns.id))
    .limit(200);
  return rows.map((row) => {
    const campaign = rowToCampaign(row.campaign);
    const open = row.targets - row.visited;
    const isClosed = today > campaign.endsOn;
    return {
      campaign,
      targets: row.targets,
      visited: row.visited,
      due: isClosed ? 0 : open,
      overdue: isClosed ? open : 0,
      visits: row.visits,
      findings: row.findings,
    };
  });
}

/** The campaigns the caller may read (its district, a city's districts), newest window first. */
export async function listCampaigns(
  db: Executor,
  scope: OrgScope,
  today: DateString,
): Promise<CampaignProgress[]> {
  const districtIds = readableDistrictIds(scope);
  if (districtIds !== null && districtIds.length === 0) return [];
  return progressOf(
    db,
    districtIds === null ? undefined : and(inArray(campaigns.districtId, [...districtIds])),
    today,
  );
}

/** One campaign with each target school's state; null when unknown or outside the caller's scope. */
export async function campaignDetail(
  db: Executor,
  scope: OrgScope,
  campaignId: string,
  today: DateString,
): Promise<{ progress: CampaignProgress; schools: CampaignSchoolRow[] } | null> {
  if (!idSchema.safeParse(campaignId).success) return null;
  const districtIds = readableDistrictIds(scope);
  const [progress] = await progressOf(
    db,
    and(
      eq(campaigns.id, campaignId),
      districtIds === null ? undefined : inArray(campaigns.districtId, [...districtIds]),
    ),
    today,
  );
  if (!progress) return null;
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
  return {
    progress,
    schools: rows.map((row) => {
      const visitedAt = row.visitedAt === null ? null : new Date(row.visitedAt).getTime();
      return {
        ...row,
        visitedAt,
        status: campaignSchoolStatus(progress.campaign, row.visitId !== null, today),
      };
    }),
  };
}

/**
 * The running campaigns an inspector takes part in (named, or every 责任督学 when none is), each
 * with its schools among `schoolIds` (the pack's) not yet visited for it.
 */
export async function packCampaigns(
  db: Executor,
  inspector: User,
  schoolIds: readonly string[],
  today: DateString,
): Promise<PackCampaign[]> {
  if (inspector.districtId === null || schoolIds.length === 0) return [];
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
}

/**
 * Why a 专项督查 visit may not name `campaignId` for this school, or null: the campaign must be of
 * the school's district and target it, and the visit must be a 专项督查.
 */
export async function campaignVisitRefusal(
  db: Executor,
  visit: { kind: string; campaignId?: string | null; schoolId: string },
  districtId: string,
): Promise<Refusal | null> {
  if (visit.campaignId == null) return null;
  if (visit.kind !== "campaign") return refusal("invalid_input", "只有专项督查可以关联专项");
  const [row] = await db
    .select({ id: campaignSchools.schoolId })
    .from(campaignSchools)
    .innerJoin(campaigns, eq(campaigns.id, campaignSchools.campaignId))
    .where(
      and(
        eq(campaignSchools.campaignId, visit.campaignId),
        eq(campaignSchools.schoolId, visit.schoolId),
        eq(campaigns.districtId, districtId),
      ),
    );
  return row ? null : refusal("not_found", "该学校不在此专项督查范围内");
}

/** A campaign's name (for a visit made for it); null when none. */
export async function campaignNameOf(db: Executor, campaignId: string | null | undefined) {
  if (!campaignId) return null;
  const [row] = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row?.name ?? null;
}
