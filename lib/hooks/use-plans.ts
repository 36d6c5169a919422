"use client";

/** The office's plan APIs: the 挂牌督导 rule and 专项督查 campaigns. */
import { z } from "zod";

import { type CampaignInput, campaignSchema } from "@/lib/domain/plan/campaign.schema";
import { type VisitRule, visitRuleSchema } from "@/lib/domain/plan/visit-rule";

import { type ApiResult, call } from "./api-client";

const ruleBodySchema = z.object({ rule: visitRuleSchema });
const createdSchema = z.object({ campaign: campaignSchema, schoolCount: z.number() });

export const planApi = {
  saveVisitRule(rule: VisitRule): Promise<ApiResult<VisitRule>> {
    return call(
      "/api/office/visit-rule",
      { method: "PUT", body: JSON.stringify(rule) },
      ruleBodySchema,
    ).then((r) => (r.ok ? { ok: true, data: r.data.rule } : r));
  },

  createCampaign(input: CampaignInput): Promise<ApiResult<z.infer<typeof createdSchema>>> {
    return call(
      "/api/office/campaigns",
      { method: "POST", body: JSON.stringify(input) },
      createdSchema,
    );
  },
};
