import { createUserInputSchema, peopleQuerySchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody, parseQuery } from "@/lib/server/org/http";
import { createUser, listPeople } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The people of the districts in scope, filtered by search text, role, zone, district and status. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const query = parseQuery(request, peopleQuerySchema);
  if (!query.ok) return query.response;
  return Response.json({ people: await listPeople(getDb(), caller.scope, query.data) });
});

/** Opens an account; the answer carries its one-time password, shown once. */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, createUserInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createUser(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (created) => created, 201);
});
