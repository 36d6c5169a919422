import { planContracts } from "@/lib/contracts/plans";
import { done } from "@/lib/domain/refusal";
import { contractRoute, inDistrict } from "@/lib/server/contract-route";
import { getDb } from "@/lib/server/db/client";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";

export const dynamic = "force-dynamic";

const ruleEditor = inDistrict(["office", "admin"], "当前账号未绑定区县，无法设置挂牌督导规则");

/** The office's district's 挂牌督导 rule (the default when never set). */
export const GET = contractRoute(planContracts.visitRule, ruleEditor, async ({ caller }) =>
  done({ rule: await districtRepository.getVisitRule(getDb(), caller.districtId) }),
);

/** Replaces the rule; coverage and the inspectors' next packs follow it. */
export const PUT = contractRoute(
  planContracts.saveVisitRule,
  ruleEditor,
  async ({ caller, body }) => {
    await districtRepository.setVisitRule(getDb(), caller.districtId, body);
    return done({ rule: body });
  },
);
