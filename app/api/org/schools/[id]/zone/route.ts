import { moveSchoolInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { moveSchool } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Moves a school to another 督学责任区 of its district; its inspectors follow the zone. */
export const PUT = apiRoute(async function PUT(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, moveSchoolInputSchema);
  if (!body.ok) return body.response;
  const { id } = await params;
  const outcome = await moveSchool(
    getDb(),
    caller.user,
    caller.scope,
    id,
    body.data.zoneId,
    systemClock.now(),
  );
  return outcomeResponse(outcome, () => ({ ok: true }));
});
