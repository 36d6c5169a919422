import { z } from "zod";

import "../zod-locale";

import { idSchema } from "../ids";
import { monthSchema } from "../month.schema";
import {
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from "../rectification/rectification.schema";
import { severitySchema, templateDomainSchema } from "../template/template.schema";
import { type DateString, dateStringSchema } from "../visit/answer.schema";

/**
 * The dashboard's filters, as URL parameters so that a filtered view survives a reload and can be
 * shared. They combine (AND). `from`/`to` bound the finding date (China date, inclusive); `month`
 * is the month whose visit coverage and ranking are shown.
 */
export const dashboardFiltersSchema = z
  .object({
    zone: idSchema.optional(),
    school: idSchema.optional(),
    /** Users come from the auth library, whose ids are not UUIDs. */
    inspector: z.string().trim().min(1).max(64).optional(),
    domain: templateDomainSchema.optional(),
    severity: severitySchema.optional(),
    from: dateStringSchema.optional(),
    to: dateStringSchema.optional(),
    month: monthSchema.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: "开始日期不能晚于结束日期",
    path: ["to"],
  });
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

/** The filters as URL parameters, in a stable order, leaving out what is not set. */
export function filterParams(
  filters: Partial<Record<string, string | undefined>>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, value);
  }
  return params;
}

/** What a ledger link may add to the dashboard's filters: the figure's own slice. */
export type LedgerSlice = {
  zone?: string;
  school?: string;
  inspector?: string;
  domain?: string;
  severity?: string;
  /** Statuses, comma-separated in the URL. */
  state?: readonly RectificationStatus[];
  overdue?: boolean;
  from?: DateString;
  to?: DateString;
  q?: string;
};

export const OPEN_STATUSES: readonly RectificationStatus[] = RECTIFICATION_STATUSES.filter(
  (s) => s !== "closed" && s !== "cancelled",
);

/**
 * The 台账 (/office/items) filtered to what a figure counts: the dashboard's filters (less
 * `month`, which the ledger does not know) with the figure's slice on top. Parameters as the ledger
 * reads them: zone, school, inspector, domain, severity, state, overdue=1, from, to, q.
 */
export function ledgerHref(filters: DashboardFilters, slice: LedgerSlice = {}): string {
  const { month: _month, ...base } = filters;
  const merged = { ...base, ...slice };
  const params = filterParams({
    zone: merged.zone,
    school: merged.school,
    inspector: merged.inspector,
    domain: merged.domain,
    severity: merged.severity,
    state: merged.state && merged.state.length > 0 ? merged.state.join(",") : undefined,
    overdue: merged.overdue ? "1" : undefined,
    from: merged.from,
    to: merged.to,
    q: merged.q,
  });
  const query = params.toString();
  return query === "" ? "/office/items" : `/office/items?${query}`;
}
