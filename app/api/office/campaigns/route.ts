import { planContracts } from "@/lib/contracts/plans";
import { toChinaDate } from "@/lib/domain/dates";
import { done } from "@/lib/domain/refusal";
import { orgRoute } from "@/lib/server/org/http";
import { createCampaign, listCampaigns } from "@/lib/server/plans/campaigns";

export const dynamic = "force-dynamic";

/** The 专项督查 of the districts the caller reads, with their progress. */
export const GET = orgRoute(planContracts.campaigns, async ({ db, scope, now }) =>
  done({ campaigns: await listCampaigns(db, scope, toChinaDate(now)) }),
);

/** The office starts a 专项督查 in its district; 201 with the campaign and its number of schools. */
export const POST = orgRoute(planContracts.createCampaign, ({ db, user, scope, body, now }) =>
  createCampaign(db, user, scope, body, now),
);
