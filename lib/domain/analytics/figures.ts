/** What the dashboard shows, as the server computes it (lib/server/analytics/dashboard.ts). */
import { z } from "zod";

import "../zod-locale";

import { monthSchema } from "../month.schema";
import { dateStringSchema } from "../visit/answer.schema";

const count = z.number().int().nonnegative();
/** A rate 0…1, null when nothing counts. */
const rate = z.number().min(0).max(1).nullable();

/** Closure figures for one slice of items. */
export const figuresSchema = z.object({
  total: count,
  open: count,
  closed: count,
  cancelled: count,
  overdue: count,
  /** closed / (total − cancelled). */
  closureRate: rate,
  /** Closed on or before the due date / closed; 立行立改 (no due date) counts as on time. */
  onTimeRate: rate,
  /** Mean China-calendar days from finding to 销号, over closed items. */
  avgDaysToClose: z.number().nonnegative().nullable(),
});
export type Figures = z.infer<typeof figuresSchema>;

/** Open overdue items by how far past the deadline. */
export const ageingSchema = z.object({
  d1to7: count,
  d8to30: count,
  d31to90: count,
  over90: count,
});
export type Ageing = z.infer<typeof ageingSchema>;

/** Figures per zone, school, inspector, domain ("" = none) or severity, with its name. */
export const breakdownSchema = z.array(
  z.object({ key: z.string(), name: z.string(), figures: figuresSchema }),
);
/** A breakdown whose keys are known to be of `K` (a domain, a severity). */
export type Breakdown<K extends string = string> = (z.infer<typeof breakdownSchema>[number] & {
  key: K;
})[];

export const dashboardSchema = z.object({
  today: dateStringSchema,
  /** The month of the coverage figure. */
  month: monthSchema,
  summary: figuresSchema,
  ageing: ageingSchema,
  byZone: breakdownSchema,
  /** The 20 schools with the most overdue items, then the lowest closure rate. */
  bySchool: breakdownSchema,
  byInspector: breakdownSchema,
  byDomain: breakdownSchema,
  bySeverity: breakdownSchema,
  /** The last 12 months: findings made and items closed in each. */
  trend: z.array(z.object({ month: monthSchema, found: count, closed: count })),
  /** 屡查屡犯: items whose check item was found again at the same school after an earlier 销号. */
  repeats: z.object({
    total: count,
    top: z.array(
      z.object({
        schoolId: z.string(),
        schoolName: z.string(),
        itemCode: z.string(),
        prompt: z.string(),
        count,
      }),
    ),
  }),
  /** Schools with a submitted visit in `month` / all active schools (in the zone, school or inspector filter). */
  coverage: z.object({ visited: count, schools: count }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
