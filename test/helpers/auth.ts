/**
 * Signed-in requests for integration tests: create accounts exactly as the app stores them and sign in
 * through better-auth's real endpoint, returning the Cookie header to send with route-handler requests.
 */
import type { Role } from "@/lib/domain/org/org.schema";
import { hashPassword } from "@/lib/server/auth/accounts";
import { getAuth } from "@/lib/server/auth/auth";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { getDb } from "@/lib/server/db/client";
import { userRepository } from "@/lib/server/repositories/org/user-repository";

export const TEST_ORIGIN = "http://localhost:3000";
export const TEST_PASSWORD = "test-pass-1234";

/** Creates a user with this role (bound to a school or district as given) and returns its id. */
export async function createUserWithRole(options: {
  username: string;
  role: Role;
  name?: string;
  password?: string;
  schoolId?: string;
  districtId?: string;
  cityId?: string;
}): Promise<string> {
  return userRepository.createAccount(getDb(), {
    username: options.username,
    name: options.name ?? options.username,
    role: options.role,
    passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
    schoolId: options.schoolId,
    districtId: options.districtId,
    cityId: options.cityId,
  });
}

/** Signs in over better-auth's HTTP endpoint; returns the Cookie header value, or throws with the response. */
export async function signInAs(username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await signInRequest(username, password);
  if (!response.ok)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  return cookieHeaderFrom(response);
}

/** A sign-in from `client` (the address the app's server would have put in CLIENT_IP_HEADER). */
export function signInRequest(
  username: string,
  password: string,
  client = "127.0.0.1",
): Promise<Response> {
  return getAuth().handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/username`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        [CLIENT_IP_HEADER]: client,
      },
      body: JSON.stringify({ username, password }),
    }),
  );
}

/** "a=1; b=2" from a response's Set-Cookie headers. */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A Request to a route handler as `cookie`'s user (or anonymous when cookie is null). */
export function authedRequest(
  path: string,
  cookie: string | null,
  init: RequestInit = {},
): Request {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("cookie", cookie);
  if (!headers.has("origin")) headers.set("origin", TEST_ORIGIN);
  return new Request(`${TEST_ORIGIN}${path}`, { ...init, headers });
}
