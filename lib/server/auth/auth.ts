/**
 * Sign-in with better-auth: username + password, one role per user, 30-day sessions so an inspector
 * stays signed in while offline. Public sign-up is off: accounts are created by the seed or the office.
 * Adds a per-username lockout, because better-auth's own rate limit counts per IP (spoofable via
 * X-Forwarded-For when clients reach `next start` directly).
 */
import "server-only";

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, username } from "better-auth/plugins";

import { type Db, getDb } from "../db/client";
import * as schema from "../db/schema";
import { serverEnv } from "../env";
import { clearSignInFailures, isLockedOut, recordSignInFailure } from "./lockout";

export const SESSION_DAYS = 30;
/**
 * better-auth endpoints that would let a user change their own name, username, role or password
 * around the app: accounts are managed through /api/users/… (scope-checked and audited), and a
 * password is changed only through POST /api/users/me/password.
 */
const IDENTITY_WRITE_PATHS = [
  "/update-user",
  "/change-email",
  "/change-password",
  "/admin/update-user",
  "/admin/set-role",
  "/admin/set-user-password",
  "/admin/create-user",
];
const SIGN_IN_PATH = "/sign-in/username";

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: "督学巡检",
    baseURL: env.baseUrl,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: [env.baseUrl, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`],
    database: drizzleAdapter(getDb(), { provider: "pg", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    disabledPaths: IDENTITY_WRITE_PATHS,
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    user: {
      additionalFields: {
        schoolId: { type: "string", required: false, input: false },
        districtId: { type: "string", required: false, input: false },
        cityId: { type: "string", required: false, input: false },
        mustChangePassword: { type: "boolean", required: false, input: false },
      },
    },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
    // Per IP, so it must allow a whole school or office behind one NAT address; accounts are
    // protected by the per-username lockout above.
    rateLimit: {
      enabled: env.NODE_ENV === "production",
      window: 60,
      max: 300,
      customRules: { [SIGN_IN_PATH]: { window: 60, max: 30 } },
    },
    logger: { disabled: env.NODE_ENV === "test" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const name = usernameOf(ctx.body);
        if (name && (await isLockedOut(getDb(), name, new Date()))) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: "登录失败次数过多，请 15 分钟后再试",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const name = usernameOf(ctx.body);
        if (!name) return;
        if (ctx.context.returned instanceof APIError) {
          await recordSignInFailure(getDb(), name, new Date());
        } else {
          await clearSignInFailures(getDb(), name);
        }
      }),
    },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 32 }),
      admin({ defaultRole: "inspector", adminRoles: ["admin"] }),
      nextCookies(),
    ],
  });
}

function usernameOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("username" in body)) return null;
  const value: unknown = body.username;
  return typeof value === "string" ? value.trim().toLowerCase() : null;
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { __duxueAuth?: { auth: Auth; db: Db } };

/** The auth instance over the booted database (made anew if the database was booted again, as in tests). */
export function getAuth(): Auth {
  const db = getDb();
  if (globalForAuth.__duxueAuth?.db !== db) globalForAuth.__duxueAuth = { auth: createAuth(), db };
  return globalForAuth.__duxueAuth.auth;
}
