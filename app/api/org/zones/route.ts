import { z } from "zod";

import { idSchema } from "@/lib/domain/ids";
import { zoneInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody, parseQuery } from "@/lib/server/org/http";
import { createZone, listZones } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

const zonesQuerySchema = z.object({ districtId: idSchema.optional() });

/** The 督学责任区 of the districts in scope, with their inspectors and school counts. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const query = parseQuery(request, zonesQuerySchema);
  if (!query.ok) return query.response;
  return Response.json({ zones: await listZones(getDb(), caller.scope, query.data.districtId) });
});

/** A new 督学责任区 in a district the caller manages. */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, zoneInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createZone(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (zone) => ({ zone }), 201);
});
