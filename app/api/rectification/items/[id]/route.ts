import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import type { IdParams } from "@/lib/server/rectification/http";
import { getItemTimeline } from "@/lib/server/rectification/queries";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** One item with its timeline, the chain verification and the actions this user may take. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const timeline = await getItemTimeline(getDb(), user, (await params).id, systemClock.now());
  return timeline
    ? Response.json(timeline)
    : refusalResponse(refusal("not_found", "整改事项不存在"));
});
