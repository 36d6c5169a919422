import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { type IdParams } from "@/lib/server/rectification/http";
import { markNoticeRead } from "@/lib/server/rectification/queries";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The school's read receipt (first opening only); `recorded` says whether this call recorded it. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const result = await markNoticeRead(getDb(), user, (await params).id, systemClock.now());
  return result.ok
    ? Response.json({ notice: result.notice, recorded: result.recorded })
    : refusalResponse(result);
});
