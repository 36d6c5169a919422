"use client";

/** The office's plan APIs: the 挂牌督导 rule and 专项督查 campaigns. */
import { planContracts } from "@/lib/contracts/plans";
import type { CampaignInput } from "@/lib/domain/plan/campaign.schema";
import type { VisitRule } from "@/lib/domain/plan/visit-rule";

import { type ApiResult, call, mapResult } from "./api-client";

export const planApi = {
  async saveVisitRule(rule: VisitRule): Promise<ApiResult<VisitRule>> {
    return mapResult(await call(planContracts.saveVisitRule, { body: rule }), (data) => data.rule);
  },
  createCampaign: (input: CampaignInput) => call(planContracts.createCampaign, { body: input }),
};
