import { districtInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { createDistrict, listDistricts } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The districts the caller may read. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  return Response.json({ districts: await listDistricts(getDb(), caller.scope) });
});

/** A new district (admin). */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, districtInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createDistrict(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (district) => ({ district }), 201);
});
