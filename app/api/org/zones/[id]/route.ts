import { updateZoneInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { updateZone } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Renames or deactivates a 督学责任区 (only once no school is left in it). */
export const PATCH = apiRoute(async function PATCH(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, updateZoneInputSchema);
  if (!body.ok) return body.response;
  const { id } = await params;
  const outcome = await updateZone(
    getDb(),
    caller.user,
    caller.scope,
    id,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, () => ({ ok: true }));
});
