import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

/** The signed-in user (the offline app checks this to tell "signed out" from "offline"). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  return Response.json({ user });
});
