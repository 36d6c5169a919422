import { z } from "zod";

import { idSchema } from "../ids";
import { dateStringSchema } from "./answer.schema";
import { monthSchema } from "../month.schema";
import { schoolSchema } from "../org/org.schema";
import { rectificationItemSchema } from "../rectification/rectification.schema";
import { deadlinePolicySchema } from "../template/deadline-policy.schema";
import { templateCodeSchema, templateRefSchema, templateSchema } from "../template/template.schema";

/** The school's last visit and its open items, for ordering "my schools" by what needs a visit. */
export const lastVisitSummarySchema = z.object({
  visitId: idSchema,
  /** Calendar date of the visit in China (UTC+8). */
  date: dateStringSchema,
  /** Score of the visit (0–100), null when its templates are not scored. */
  score: z.number().min(0).max(100).nullable(),
  /** The school's open rectification items when the pack was made. */
  openItems: z.number().int().nonnegative(),
  /** Of those, how many were past their due date. */
  overdueItems: z.number().int().nonnegative(),
});
export type LastVisitSummary = z.infer<typeof lastVisitSummarySchema>;

/**
 * Where the school stands on the district's 挂牌督导 rule in the month the pack was made: the
 * submitted 挂牌督导 visits of its 责任督学 the server knows of (ids, so the phone can add its own
 * not yet synced without counting one twice) against the visits the rule asks for.
 */
export const routineStatusSchema = z.object({
  month: monthSchema,
  required: z.number().int().min(1).max(10),
  visitIds: z.array(idSchema).max(50),
});
export type RoutineStatus = z.infer<typeof routineStatusSchema>;

export const packSchoolSchema = schoolSchema.extend({
  lastVisit: lastVisitSummarySchema.nullable(),
  /** Optional: schools stored by a pack made before the rule was in it must still open. */
  routine: routineStatusSchema.optional(),
  /**
   * The district's name, so documents previewed offline name the issuing office. Optional: schools
   * stored by a pack made before it existed must still open.
   */
  districtName: z.string().max(60).optional(),
});
export type PackSchool = z.infer<typeof packSchoolSchema>;

/** The checklists a district's 挂牌督导 visits propose (office settings), by template code. */
export const routineTemplatesSchema = z
  .array(templateCodeSchema)
  .max(20, "检查表不能超过 20 个")
  .refine((codes) => new Set(codes).size === codes.length, "检查表不能重复");
export type RoutineTemplates = z.infer<typeof routineTemplatesSchema>;

/**
 * A 专项督查 the inspector takes part in, with its schools in this pack still to visit for it. Its
 * checklists are codes: the start screen pre-selects the offered version of each.
 */
export const packCampaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  templateCodes: z.array(z.string()),
  startsOn: dateStringSchema,
  endsOn: dateStringSchema,
  dueSchoolIds: z.array(idSchema),
});
export type PackCampaign = z.infer<typeof packCampaignSchema>;

/** What the phone downloads before going out: only the signed-in inspector's scope. */
export const visitPackSchema = z.object({
  schools: z.array(packSchoolSchema),
  /** The template versions the inspector may pin, and older ones their drafts still pin. */
  templates: z.array(templateSchema),
  /** Of those, the versions a new visit may pin: what the district adopted or owns, retired ones not. */
  offered: z.array(templateRefSchema),
  /** The schools' open 整改事项, exactly as the server stores them (pulls then keep them current). */
  openItems: z.array(rectificationItemSchema),
  /** The district's deadline policy, so findings made offline get the due dates the server expects. */
  deadlinePolicy: deadlinePolicySchema,
  /** The district's 挂牌督导 set; absent from packs made before it existed (nothing proposed). */
  routineTemplates: routineTemplatesSchema.optional(),
  /** Running 专项督查 with schools of this pack still to visit (absent from older servers). */
  campaigns: z.array(packCampaignSchema).default([]),
  generatedAt: z.number().int(),
});
export type VisitPack = z.infer<typeof visitPackSchema>;
