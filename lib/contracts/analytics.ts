/** The office's figures: the dashboard and the monthly 督导通报. */
import { z } from "zod";

import { dashboardSchema } from "@/lib/domain/analytics/figures";
import { dashboardFiltersSchema } from "@/lib/domain/analytics/filters";
import { monthSchema } from "@/lib/domain/month.schema";

import { contract, pathOf } from "./contract";

export const analyticsContracts = {
  /** The figures for the combined filters (?zone=&school=&inspector=&domain=&severity=&from=&to=&month=). */
  dashboard: contract({
    method: "GET",
    path: "/api/office/dashboard",
    query: dashboardFiltersSchema,
    response: dashboardSchema,
  }),
  /** The month's 督导通报 (ranking and circular) as an A4 PDF download. */
  bulletin: contract({
    method: "GET",
    path: "/api/office/bulletin",
    query: z.object({ month: z.string({ error: "请选择月份（YYYY-MM）" }).pipe(monthSchema) }),
    response: "file",
  }),
};

/** Where the ranking page links the month's 督导通报. */
export const bulletinPath = (month: string) =>
  pathOf(analyticsContracts.bulletin, { query: { month } });
