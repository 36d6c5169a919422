import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse } from "@/lib/server/org/http";
import { resetPassword } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** A new one-time password for someone else's account, in this answer only; they must change it. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const { id } = await params;
  const outcome = await resetPassword(getDb(), caller.user, caller.scope, id, systemClock.now());
  return outcomeResponse(outcome, (credential) => ({ credential }));
});
