import { z } from "zod";

import "../zod-locale";

import { idSchema } from "../ids";
import type { SchoolAttributes } from "../org/org.schema";
import { explainApplicability } from "../template/applicability";
import { appliesToSchema, templateCodeSchema } from "../template/template.schema";
import { textSchema } from "../text";
import { dateStringSchema, type DateString } from "../visit/answer.schema";
import { userIdSchema } from "../visit/visit.schema";

/**
 * Which schools a 专项督查 visits: those of some 督学责任区 (none = the whole district) whose
 * attributes match — in the words of a checklist item's 适用范围 (lib/domain/template/
 * applicability.ts) — or an explicit list.
 */
export const campaignTargetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("attributes"),
      zoneIds: z.array(idSchema).max(500, "责任区过多"),
      appliesTo: appliesToSchema,
    }),
    z.object({
      kind: z.literal("schools"),
      schoolIds: z.array(idSchema).min(1, "请至少选择一所学校").max(10_000, "学校过多"),
    }),
  ],
  { message: "请选择目标学校的方式" },
);
export type CampaignTarget = z.infer<typeof campaignTargetSchema>;

/** What the office fills in to start a campaign. */
export const campaignInputSchema = z
  .object({
    name: textSchema("专项名称").trim().min(1, "请填写专项名称").max(60, "专项名称不能超过 60 字"),
    templateCodes: z
      .array(templateCodeSchema)
      .min(1, "请至少选择一个检查表")
      .max(20, "检查表不能超过 20 个")
      .refine((codes) => new Set(codes).size === codes.length, "检查表不能重复"),
    target: campaignTargetSchema,
    startsOn: dateStringSchema,
    endsOn: dateStringSchema,
    /** Empty = each target school's 责任督学. */
    inspectorIds: z.array(userIdSchema).max(500, "督学过多"),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "结束日期不能早于开始日期" });
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignSchema = z.object({
  id: idSchema,
  districtId: idSchema,
  name: z.string(),
  templateCodes: z.array(z.string()),
  target: campaignTargetSchema,
  startsOn: dateStringSchema,
  endsOn: dateStringSchema,
  inspectorIds: z.array(z.string()),
  createdAt: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** Whether a school of the district is one the campaign must visit. */
export function isCampaignTarget(
  target: CampaignTarget,
  school: SchoolAttributes & { id: string; zoneId: string | null; isActive: boolean },
): boolean {
  if (!school.isActive) return false;
  if (target.kind === "schools") return target.schoolIds.includes(school.id);
  if (
    target.zoneIds.length > 0 &&
    (school.zoneId === null || !target.zoneIds.includes(school.zoneId))
  )
    return false;
  return explainApplicability({ appliesTo: target.appliesTo }, school).applies;
}

export const campaignSchoolStatusSchema = z.enum(["visited", "due", "overdue", "upcoming"]);
export type CampaignSchoolStatus = z.infer<typeof campaignSchoolStatusSchema>;
export const CAMPAIGN_SCHOOL_STATUS_LABELS: Record<CampaignSchoolStatus, string> = {
  visited: "已督查",
  due: "待督查",
  overdue: "已逾期",
  upcoming: "未开始",
};

/** Where one target school stands on `today`: visited, or due within the window, or past it. */
export function campaignSchoolStatus(
  campaign: Pick<Campaign, "startsOn" | "endsOn">,
  isVisited: boolean,
  today: DateString,
): CampaignSchoolStatus {
  if (isVisited) return "visited";
  if (today > campaign.endsOn) return "overdue";
  return today < campaign.startsOn ? "upcoming" : "due";
}

/** A campaign with its progress, as the office's campaign list shows it. */
export const campaignProgressSchema = z.object({
  campaign: campaignSchema,
  targets: z.number().int(),
  visited: z.number().int(),
  /** Not visited yet, window still open (or not begun). */
  due: z.number().int(),
  /** Not visited and the window has closed. */
  overdue: z.number().int(),
  /** Submitted visits made for it, and the 整改事项 they produced. */
  visits: z.number().int(),
  findings: z.number().int(),
});
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/** One target school of a campaign and where it stands. */
export const campaignSchoolRowSchema = z.object({
  schoolId: idSchema,
  schoolName: z.string(),
  schoolCode: z.string(),
  zoneName: z.string().nullable(),
  status: campaignSchoolStatusSchema,
  /** The first submitted visit for the campaign, with its inspector and findings. */
  visitId: z.string().nullable(),
  visitedAt: z.number().nullable(),
  inspectorName: z.string().nullable(),
  findings: z.number().int(),
});
export type CampaignSchoolRow = z.infer<typeof campaignSchoolRowSchema>;
