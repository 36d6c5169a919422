import { z } from "zod";

import "../zod-locale";

import { monthSchema } from "../month.schema";

/**
 * The district's 挂牌督导 rule: each school is visited by its 责任督学 at least `visitsPerMonth`
 * times in every calendar month (China time). Only submitted 挂牌督导 visits by an inspector of
 * the school's 督学责任区 count; the office edits it on the settings page.
 */
export const visitRuleSchema = z.object({
  visitsPerMonth: z
    .number({ message: "请填写每月督导次数" })
    .int("每月督导次数应为整数")
    .min(1, "每月至少督导 1 次")
    .max(10, "每月督导次数不能超过 10 次"),
});
export type VisitRule = z.infer<typeof visitRuleSchema>;

/** 每校每月至少一次 (《中小学校责任督学挂牌督导办法》). */
export const DEFAULT_VISIT_RULE: VisitRule = { visitsPerMonth: 1 };

/** The coverage view's query (GET /api/office/coverage and /office/coverage). */
export const coverageQuerySchema = z.object({
  month: monthSchema.optional(),
  zoneId: z.uuid("责任区无效").optional(),
  inspectorId: z.string().min(1).max(100).optional(),
  missing: z.enum(["1"]).optional(),
  after: z.string().max(100).optional(),
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

/** A month's coverage figures: schools, those visited enough, and the counted visits. */
export const coverageTotalsSchema = z.object({
  schools: z.number().int(),
  covered: z.number().int(),
  visits: z.number().int(),
});
export type CoverageTotals = z.infer<typeof coverageTotalsSchema>;
export const zoneCoverageSchema = coverageTotalsSchema.extend({
  zoneId: z.string().nullable(),
  zoneName: z.string().nullable(),
  districtName: z.string(),
});
export type ZoneCoverage = z.infer<typeof zoneCoverageSchema>;
export const inspectorCoverageSchema = coverageTotalsSchema.extend({
  inspectorId: z.string(),
  inspectorName: z.string(),
  /** Of `visits`: those this inspector made (the others are by fellow inspectors of the zones). */
  ownVisits: z.number().int(),
});
export type InspectorCoverage = z.infer<typeof inspectorCoverageSchema>;
export const schoolCoverageSchema = z.object({
  schoolId: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  zoneName: z.string().nullable(),
  required: z.number().int(),
  visits: z.number().int(),
  lastVisitAt: z.number().nullable(),
  isCovered: z.boolean(),
});
export type SchoolCoverage = z.infer<typeof schoolCoverageSchema>;
