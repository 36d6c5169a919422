/**
 * Sign-in with better-auth: username + password, one role per user, 30-day sessions so an inspector
 * stays signed in while offline. There is one way in (POST /api/auth/sign-in/username); every other
 * better-auth endpoint the product does not use is switched off, and every endpoint that checks a
 * password goes through the per-account-and-client throttle in lockout.ts. Sessions are read from the
 * database on every request (no cookie cache), so sign-out, a disabled account or a new password
 * ends a session at once on every instance.
 */
import "server-only";

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, username } from "better-auth/plugins";

import { systemClock } from "@/lib/utils/clock";

import { CLIENT_IP_HEADER, UNKNOWN_CLIENT } from "../client-ip";
import { type Db, getDb } from "../db/client";
import * as schema from "../db/schema";
import { serverEnv } from "../env";
import {
  clearPasswordFailures,
  passwordWaitSeconds,
  recordPasswordFailure,
  waitText,
} from "./lockout";

export const SESSION_DAYS = 30;
export const SIGN_IN_PATH = "/sign-in/username";

/**
 * Reachable over HTTP: the one sign-in, and reading and ending the session. Everything else better-auth 1.7.25 mounts is listed in DISABLED_PATHS (the auth test
 * checks that the two lists cover every endpoint, so an upgrade cannot add one silently).
 */
export const ENABLED_PATHS = [SIGN_IN_PATH, "/get-session", "/sign-out"];
export const DISABLED_PATHS = [
  // Other ways in and self-service account changes (a password: POST /api/users/me/password).
  "/change-password",
  "/sign-in/email",
  "/sign-in/social",
  "/sign-up/email",
  "/is-username-available",
  "/update-user",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/verify-password",
  "/update-session",
  "/reset-password",
  "/request-password-reset",
  "/verify-email",
  "/send-verification-email",
  "/link-social",
  "/unlink-account",
  "/list-accounts",
  "/account-info",
  "/refresh-token",
  "/get-access-token",
  "/list-sessions",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/ok",
  "/error",
  // The admin plugin's HTTP API: accounts are managed through the app's own routes, which call it on the server.
  "/admin/set-role",
  "/admin/get-user",
  "/admin/create-user",
  "/admin/update-user",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/unban-user",
  "/admin/ban-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  "/admin/remove-user",
  "/admin/set-user-password",
  "/admin/has-permission",
];

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: "督学巡检",
    baseURL: env.baseUrl,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: env.appOrigins,
    database: drizzleAdapter(getDb(), { provider: "pg", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    disabledPaths: DISABLED_PATHS,
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
      // A cached session would outlive sign-out and a disabled account on other instances.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        schoolId: { type: "string", required: false, input: false },
        districtId: { type: "string", required: false, input: false },
        cityId: { type: "string", required: false, input: false },
        mustChangePassword: { type: "boolean", required: false, input: false },
      },
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      useSecureCookies: env.baseUrl.startsWith("https:"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The socket address as cli/serve.ts decided it (client-ip.ts); X-Forwarded-For is never read.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // Per IP, so it must allow a whole school or office behind one NAT address; accounts are protected
    // by the per-account throttle. Counters live in PostgreSQL, so N instances enforce one limit.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      // Guessing is stopped per account by lockout.ts; these only cap one address's volume.
      customRules: Object.fromEntries([[SIGN_IN_PATH, { window: 60, max: 30 }]]),
    },
    logger: { disabled: env.NODE_ENV === "test" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const key = passwordKey(ctx);
        if (!key) return;
        const wait = await passwordWaitSeconds(getDb(), key, new Date(systemClock.now()));
        if (wait > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `密码错误次数过多，请 ${waitText(wait)}后再试`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const key = passwordKey(ctx);
        if (!key) return undefined;
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.statusCode === 401 || returned.statusCode === 400) {
            await recordPasswordFailure(getDb(), key, new Date(systemClock.now()));
          }
          return undefined;
        }
        await clearPasswordFailures(getDb(), key);
        // The session travels only in the HttpOnly cookie; a token in the body is one script away from theft.
        if (ctx.path === SIGN_IN_PATH && isRecord(returned) && "token" in returned) {
          const { token: _token, ...rest } = returned;
          return ctx.json(rest);
        }
        return undefined;
      }),
    },
    plugins: [
      username({ minUsernameLength: 3, maxUsernameLength: 32 }),
      admin({ defaultRole: "inspector", adminRoles: ["admin"] }),
      nextCookies(),
    ],
  });
}

/**
 * The account and client whose password this request checks, or null when it checks none. Sign-in
 * is better-auth's only such endpoint; POST /api/users/me/password uses the same throttle.
 */
function passwordKey(ctx: HookContext): { username: string; client: string } | null {
  if (ctx.path !== SIGN_IN_PATH) return null;
  const name = usernameOf(ctx.body);
  return name
    ? { username: name, client: ctx.headers?.get(CLIENT_IP_HEADER) ?? UNKNOWN_CLIENT }
    : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function usernameOf(body: unknown): string | null {
  if (!isRecord(body) || !("username" in body)) return null;
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
