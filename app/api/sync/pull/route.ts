import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getChangesSince } from "@/lib/server/sync/get-changes-since";

export const dynamic = "force-dynamic";

/** `?cursor=…` (absent = from the beginning) → `pullResponseSchema`, only what the user may see. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const cursor = new URL(request.url).searchParams.get("cursor");
  return Response.json(await getChangesSince(getDb(), user, cursor));
});
