import { updateUserInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { type IdParams, orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { updateUser } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Name, phone and zones of someone else's account; username, role and binding never change. */
export const PATCH = apiRoute(async function PATCH(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, updateUserInputSchema);
  if (!body.ok) return body.response;
  const { id } = await params;
  const outcome = await updateUser(
    getDb(),
    caller.user,
    caller.scope,
    id,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (person) => ({ person }));
});
