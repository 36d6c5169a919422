/**
 * Who is asking: the signed-in user as a domain `User`, for pages (redirect / 403 page) and for API
 * routes (401 / 403 JSON). Every route and page goes through these; none reads the session itself.
 */
import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { type Role, type User, userSchema } from "@/lib/domain/org/org.schema";

import { refuseUnsafeWrite } from "../request-guard";
import { getAuth } from "./auth";
import { log } from "../log";

/** The signed-in user for these request headers, or null. */
export async function userFromHeaders(requestHeaders: Headers): Promise<User | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const u = session.user as typeof session.user & {
    schoolId?: string | null;
    districtId?: string | null;
  };
  const parsed = userSchema.safeParse({
    id: u.id,
    username: u.username ?? u.email,
    name: u.name,
    role: u.role,
    schoolId: u.schoolId ?? null,
    districtId: u.districtId ?? null,
  });
  if (!parsed.success) {
    log.error({ userId: u.id, issues: parsed.error.issues }, "用户账号数据无效");
    return null;
  }
  if (u.banned) return null;
  return parsed.data;
}

/** For server components: the user, or a redirect to sign-in; a wrong role gets the 403 page. */
export async function requirePageUser(roles?: readonly Role[]): Promise<User> {
  const user = await userFromHeaders(await headers());
  if (!user) redirect("/login");
  if (roles && !roles.includes(user.role)) forbidden();
  return user;
}

/**
 * For route handlers: the user, or the JSON error response to return as is. A write must also pass the
 * cross-site and content-type check (request-guard.ts); `bodyTypes` are the media types it may send.
 */
export async function requireApiUser(
  request: Request,
  roles?: readonly Role[],
  bodyTypes?: readonly string[],
): Promise<{ user: User; error?: never } | { user?: never; error: Response }> {
  const refused = refuseUnsafeWrite(request, bodyTypes);
  if (refused) return { error: refused };
  const user = await userFromHeaders(request.headers);
  if (!user)
    return {
      error: Response.json({ error: "unauthorized", message: "请先登录" }, { status: 401 }),
    };
  if (roles && !roles.includes(user.role)) {
    return { error: Response.json({ error: "forbidden", message: "无权访问" }, { status: 403 }) };
  }
  return { user };
}
