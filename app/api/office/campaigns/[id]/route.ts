import { toChinaDate } from "@/lib/domain/dates";
import { refused } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller } from "@/lib/server/org/http";
import { campaignDetail } from "@/lib/server/plans/campaigns";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** One 专项督查: its progress and each target school's state. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const { id } = await params;
  const detail = await campaignDetail(getDb(), caller.scope, id, toChinaDate(systemClock.now()));
  return detail
    ? Response.json(detail)
    : refusalResponse(refused("not_found", "专项督查不存在或无权访问"));
});
