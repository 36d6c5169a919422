/**
 * Who is asking: the signed-in user as a domain `User`, for pages (redirect / 403 page) and for API
 * routes (401 / 403 JSON). Every route and page goes through these; none reads the session itself.
 */
import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { CHANGE_PASSWORD_PATH } from "@/lib/domain/org/org.labels";
import { type Role, type User, userSchema } from "@/lib/domain/org/org.schema";
import { refusal } from "@/lib/domain/refusal";

import { refusalResponse } from "../refusal";
import { refuseUnsafeWrite } from "../request-guard";
import { getAuth } from "./auth";
import { log } from "../log";

/**
 * The signed-in user for these request headers, or null. The session is read from the database on
 * every request (not the signed cookie cache), so a disabled account's next request is refused.
 */
export async function userFromHeaders(requestHeaders: Headers): Promise<User | null> {
  const session = await getAuth().api.getSession({
    headers: requestHeaders,
    query: { disableCookieCache: true },
  });
  if (!session) return null;
  const u = session.user as typeof session.user & {
    schoolId?: string | null;
    districtId?: string | null;
    cityId?: string | null;
    mustChangePassword?: boolean | null;
  };
  const parsed = userSchema.safeParse({
    id: u.id,
    username: u.username ?? u.email,
    name: u.name,
    role: u.role,
    schoolId: u.schoolId ?? null,
    districtId: u.districtId ?? null,
    cityId: u.cityId ?? null,
    mustChangePassword: u.mustChangePassword ?? false,
  });
  if (!parsed.success) {
    log.error({ userId: u.id, issues: parsed.error.issues }, "用户账号数据无效");
    return null;
  }
  if (u.banned) return null;
  return parsed.data;
}

/**
 * For server components: the user, or a redirect to sign-in; a wrong role gets the 403 page. A user
 * who must change their password is sent to 修改密码 (which passes `allowPasswordChange`).
 */
export async function requirePageUser(
  roles?: readonly Role[],
  options: { allowPasswordChange?: boolean } = {},
): Promise<User> {
  const user = await userFromHeaders(await headers());
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect(CHANGE_PASSWORD_PATH);
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
  options: { allowPasswordChange?: boolean; bodyTypes?: readonly string[] } = {},
): Promise<{ user: User; error?: never } | { user?: never; error: Response }> {
  const refused = refuseUnsafeWrite(request, options.bodyTypes);
  if (refused) return { error: refused };
  const user = await userFromHeaders(request.headers);
  if (!user)
    return {
      error: refusalResponse(refusal("unauthorized", "请先登录")),
    };
  if (user.mustChangePassword && !options.allowPasswordChange) {
    return {
      error: refusalResponse(refusal("password_change_required", "请先修改密码"), {
        location: CHANGE_PASSWORD_PATH,
      }),
    };
  }
  if (roles && !roles.includes(user.role)) {
    return { error: refusalResponse(refusal("forbidden", "无权访问")) };
  }
  return { user };
}
