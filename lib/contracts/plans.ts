/** The office's plan endpoints: the 挂牌督导 rule and coverage, 专项督查 campaigns, visits. */
import { z } from "zod";

import { monthSchema } from "@/lib/domain/month.schema";
import {
  campaignInputSchema,
  campaignProgressSchema,
  campaignSchema,
  campaignSchoolRowSchema,
} from "@/lib/domain/plan/campaign.schema";
import {
  coverageQuerySchema,
  coverageTotalsSchema,
  inspectorCoverageSchema,
  schoolCoverageSchema,
  visitRuleSchema,
  zoneCoverageSchema,
} from "@/lib/domain/plan/visit-rule";
import { visitListQuerySchema, visitListRowSchema } from "@/lib/domain/visit/visit-list.schema";

import { contract } from "./contract";

const rule = z.object({ rule: visitRuleSchema });
/** The keyset cursor of the next page, null on the last. */
const next = z.string().nullable();

export const planContracts = {
  visitRule: contract({ method: "GET", path: "/api/office/visit-rule", response: rule }),
  saveVisitRule: contract({
    method: "PUT",
    path: "/api/office/visit-rule",
    body: visitRuleSchema,
    response: rule,
  }),
  coverage: contract({
    method: "GET",
    path: "/api/office/coverage",
    query: coverageQuerySchema,
    response: z.object({
      month: monthSchema,
      totals: coverageTotalsSchema,
      zones: z.array(zoneCoverageSchema),
      inspectors: z.array(inspectorCoverageSchema),
      schools: z.array(schoolCoverageSchema),
      next,
    }),
  }),
  campaigns: contract({
    method: "GET",
    path: "/api/office/campaigns",
    response: z.object({ campaigns: z.array(campaignProgressSchema) }),
  }),
  createCampaign: contract({
    method: "POST",
    path: "/api/office/campaigns",
    body: campaignInputSchema,
    response: z.object({ campaign: campaignSchema, schoolCount: z.number().int() }),
    status: 201,
  }),
  campaign: contract({
    method: "GET",
    path: "/api/office/campaigns/:id",
    response: z.object({
      progress: campaignProgressSchema,
      schools: z.array(campaignSchoolRowSchema),
    }),
  }),
  visits: contract({
    method: "GET",
    path: "/api/office/visits",
    query: visitListQuerySchema,
    response: z.object({ visits: z.array(visitListRowSchema), next }),
  }),
};
