import type { Severity, TemplateDomain } from "../template/template.schema";

/** What the dashboard shows, as the server computes it (lib/server/analytics/dashboard.ts). */

/** Closure figures for one slice of items. Rates are 0…1, null when nothing counts. */
export type Figures = {
  total: number;
  open: number;
  closed: number;
  cancelled: number;
  overdue: number;
  /** closed / (total − cancelled). */
  closureRate: number | null;
  /** Closed on or before the due date / closed; 立行立改 (no due date) counts as on time. */
  onTimeRate: number | null;
  /** Mean China-calendar days from finding to 销号, over closed items. */
  avgDaysToClose: number | null;
};

/** Open overdue items by how far past the deadline. */
export type Ageing = { d1to7: number; d8to30: number; d31to90: number; over90: number };

export type Breakdown<K extends string = string> = { key: K; name: string; figures: Figures }[];

export type Dashboard = {
  today: string;
  /** The month of the coverage figure. */
  month: string;
  summary: Figures;
  ageing: Ageing;
  byZone: Breakdown;
  /** The 20 schools with the most overdue items, then the lowest closure rate. */
  bySchool: Breakdown;
  byInspector: Breakdown;
  byDomain: Breakdown<TemplateDomain>;
  bySeverity: Breakdown<Severity>;
  /** The last 12 months: findings made and items closed in each. */
  trend: { month: string; found: number; closed: number }[];
  /** 屡查屡犯: items whose check item was found again at the same school after an earlier 销号. */
  repeats: {
    total: number;
    top: {
      schoolId: string;
      schoolName: string;
      itemCode: string;
      prompt: string;
      count: number;
    }[];
  };
  /** Schools with a submitted visit in `month` / all active schools (in the zone, school or inspector filter). */
  coverage: { visited: number; schools: number };
};
