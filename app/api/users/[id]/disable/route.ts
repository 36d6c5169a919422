import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse } from "@/lib/server/org/http";
import { setActive } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Disables an account: its sessions end at once and it can no longer sign in. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const { id } = await params;
  const outcome = await setActive(getDb(), caller.user, caller.scope, id, false, systemClock.now());
  return outcomeResponse(outcome, () => ({ ok: true }));
});
