import { createCityInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { createCity, listCities } from "@/lib/server/org/org-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Cities: all for the admin, its own for a 市级督导室. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  return Response.json({ cities: await listCities(getDb(), caller.user, caller.scope) });
});

/** A new city (admin). */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, createCityInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createCity(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (city) => ({ city }), 201);
});
