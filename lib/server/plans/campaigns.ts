/**
 * 专项督查 campaigns (issue #11): the office defines one, its target schools are resolved once
 * with the domain's targeting rule, inspectors find its due visits in their pack, and progress is
 * counted in SQL from the visits that name the campaign.
 */
import "server-only";

import { idSchema } from "@/lib/domain/ids";
import type { OrgScope } from "@/lib/domain/org/org-scope";
import { readableDistrictIds } from "@/lib/domain/org/org-scope";
import type { User } from "@/lib/domain/org/org.schema";
import {
  type Campaign,
  type CampaignInput,
  type CampaignProgress,
  type CampaignSchoolRow,
  campaignSchoolStatus,
  isCampaignTarget,
} from "@/lib/domain/plan/campaign.schema";
import { type Outcome, type Refusal, refusal, refused, type Refused } from "@/lib/domain/refusal";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { PackCampaign } from "@/lib/domain/visit/visit-pack.schema";
import { newId } from "@/lib/utils/ids";

import type { Db, Executor } from "../db/client";
import { writeRefusal } from "../org/org-service";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { zoneRepository } from "../repositories/org/zone-repository";
import { templateRepository } from "../repositories/template-repository";
import {
  type CampaignCounts,
  campaignRepository,
} from "../repositories/visits/campaign-repository";

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
    await campaignRepository.insert(
      tx,
      campaign,
      actor.id,
      targets.map((s) => s.id),
    );
    return { ok: true as const, value: { campaign, schoolCount: targets.length } };
  });
}

/** The campaign's progress: `today` decides due against overdue. */
function progressOf(row: CampaignCounts, today: DateString): CampaignProgress {
  const open = row.targets - row.visited;
  const isClosed = today > row.campaign.endsOn;
  return {
    ...row,
    due: isClosed ? 0 : open,
    overdue: isClosed ? open : 0,
  };
}

/** The campaigns the caller may read (its district, a city's districts), newest window first. */
export async function listCampaigns(
  db: Executor,
  scope: OrgScope,
  today: DateString,
): Promise<CampaignProgress[]> {
  const districtIds = readableDistrictIds(scope);
  if (districtIds !== null && districtIds.length === 0) return [];
  const rows = await campaignRepository.listCounts(db, { districtIds });
  return rows.map((row) => progressOf(row, today));
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
  const [counts] = await campaignRepository.listCounts(db, { districtIds, campaignId });
  if (!counts) return null;
  const progress = progressOf(counts, today);
  const rows = await campaignRepository.listSchools(db, campaignId);
  return {
    progress,
    schools: rows.map((row) => ({
      ...row,
      status: campaignSchoolStatus(progress.campaign, row.visitId !== null, today),
    })),
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
  return campaignRepository.runningFor(
    db,
    { id: inspector.id, districtId: inspector.districtId },
    schoolIds,
    today,
  );
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
  const targeted = await campaignRepository.targets(
    db,
    visit.campaignId,
    visit.schoolId,
    districtId,
  );
  return targeted ? null : refusal("not_found", "该学校不在此专项督查范围内");
}

/** A campaign's name (for a visit made for it); null when none. */
export async function campaignNameOf(db: Executor, campaignId: string | null | undefined) {
  if (!campaignId) return null;
  return campaignRepository.nameOf(db, campaignId);
}
