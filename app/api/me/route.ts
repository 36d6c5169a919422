import { requireApiUser } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

/**
 * The signed-in user (the offline app checks this to tell "signed out" from "offline"). Open to a
 * user who must change their password, so the app can see `mustChangePassword` and go there.
 */
export async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, undefined, { allowPasswordChange: true });
  if (error) return error;
  return Response.json({ user });
}
