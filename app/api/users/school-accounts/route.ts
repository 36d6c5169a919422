import { bulkSchoolAccountsInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { orgCaller, outcomeResponse, parseBody } from "@/lib/server/org/http";
import { createSchoolAccounts } from "@/lib/server/org/people-service";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * One account per school lacking one (the listed schools, or all of a district), each with a
 * one-time password in this answer only; POST them to ./credential-sheet for the printable sheet.
 */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const caller = await orgCaller(request);
  if (!caller.ok) return caller.response;
  const body = await parseBody(request, bulkSchoolAccountsInputSchema);
  if (!body.ok) return body.response;
  const outcome = await createSchoolAccounts(
    getDb(),
    caller.user,
    caller.scope,
    body.data,
    systemClock.now(),
  );
  return outcomeResponse(outcome, (result) => result, 201);
});
