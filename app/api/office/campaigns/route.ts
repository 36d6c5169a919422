import { toChinaDate } from "@/lib/domain/dates";
import { campaignInputSchema } from "@/lib/domain/plan/campaign.schema";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { createCampaign, listCampaigns } from "@/lib/server/plans/campaigns";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 专项督查 of the districts the caller reads, with their progress. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const today = toChinaDate(systemClock.now());
  return Response.json({ campaigns: await listCampaigns(getDb(), caller.scope, today) });
});

/** The office starts a 专项督查 in its district; 201 with the campaign and its number of schools. */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, campaignInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createCampaign(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (value) => value, 201);
});
