import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listNotices } from "@/lib/server/rectification/queries";

export const dynamic = "force-dynamic";

/** The 整改通知书 the user may see, newest first, with their items' status counts. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  return Response.json({ notices: await listNotices(getDb(), user) });
});
