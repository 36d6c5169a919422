import { planContracts } from "@/lib/contracts/plans";
import { toChinaDate } from "@/lib/domain/dates";
import { done, refused } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { campaignDetail } from "@/lib/server/plans/campaigns";

export const dynamic = "force-dynamic";

/** One 专项督查: its progress and each target school's state. */
export const GET = orgRoute(planContracts.campaign, async ({ db, scope, params, now }) => {
  const detail = await campaignDetail(db, scope, params.id, toChinaDate(now));
  return detail ? done(detail) : refused("not_found", "专项督查不存在或无权访问");
});
