import { zoneInspectorsInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { setZoneInspectors } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Replaces the zone's 责任督学 (inspectors of its district). */
export const PUT = apiRoute(async function PUT(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, zoneInspectorsInputSchema);
  if (!body.ok) return body.response;
  const { id } = await params;
  const outcome = await setZoneInspectors(
    getDb(),
    caller.user,
    caller.scope,
    id,
    body.data.userIds,
    systemClock.now(),
  );
  return outcomeResponse(outcome, () => ({ ok: true }));
});
