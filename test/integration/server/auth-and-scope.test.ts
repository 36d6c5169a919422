import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { User } from "@/lib/domain/org/org.schema";
import { FREE_FAILURES } from "@/lib/server/auth/lockout";
import { canSeeSchool, inspectsSchool, scopedSchoolIds } from "@/lib/server/auth/scope";
import { schools, session, user as userTable } from "@/lib/server/db/schema";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";

import { GET as getHealth } from "@/app/api/health/route";
import { GET as getMe } from "@/app/api/me/route";
import { GET as getOfficeSchools } from "@/app/api/office/schools/route";

import { authedRequest, cookieHeaderFrom, signInAs, signInRequest } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;

async function domainUser(username: string): Promise<User> {
  const [row] = await t.db.select().from(userTable).where(eq(userTable.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return {
    id: row.id,
    username,
    name: row.name,
    role: row.role as User["role"],
    schoolId: row.schoolId,
    districtId: row.districtId,
    cityId: row.cityId,
    mustChangePassword: row.mustChangePassword,
  };
}

async function schoolId(code: string): Promise<string> {
  const [row] = await t.db.select({ id: schools.id }).from(schools).where(eq(schools.code, code));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
});
afterAll(() => t.drop());

describe("sign-in", () => {
  it("gives a 30-day session cookie when the password is right", async () => {
    const response = await signInRequest("school01", DEMO_PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="));
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it("refuses a wrong password and creates no session", async () => {
    const before = await t.db.$count(session);
    const response = await signInRequest("inspector2", "wrong-password");
    expect(response.status).toBe(401);
    expect(
      response.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=")),
    ).toBe(false);
    expect(await t.db.$count(session)).toBe(before);
  });

  it("locks the username after repeated failures, even for the right password", async () => {
    for (let i = 0; i < FREE_FAILURES; i++) {
      expect((await signInRequest("school30", `guess-${i}`)).status).toBe(401);
    }
    const locked = await signInRequest("school30", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toContain("密码错误次数过多");
    // Other accounts are not affected.
    expect((await signInRequest("school29", DEMO_PASSWORD)).status).toBe(200);
  });

  it("resets the failure count after a successful sign-in", async () => {
    for (let i = 0; i < FREE_FAILURES - 1; i++) await signInRequest("school28", "nope-nope");
    expect((await signInRequest("school28", DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < FREE_FAILURES - 1; i++) await signInRequest("school28", "nope-nope");
    expect((await signInRequest("school28", DEMO_PASSWORD)).status).toBe(200);
  });
});

describe("API access", () => {
  it("answers 401 JSON without a session", async () => {
    const response = await getMe(authedRequest("/api/me", null));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "unauthorized",
      message: "请先登录",
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("answers 403 JSON to a school account on an office API", async () => {
    const cookie = await signInAs("school01", DEMO_PASSWORD);
    const response = await getOfficeSchools(authedRequest("/api/office/schools", cookie));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "forbidden",
      message: "无权访问",
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("gives the office its district's schools", async () => {
    const cookie = await signInAs("office", DEMO_PASSWORD);
    const response = await getOfficeSchools(authedRequest("/api/office/schools", cookie));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { schools: unknown[] }).schools).toHaveLength(30);
  });

  it("tells the signed-in user who they are, with their binding", async () => {
    const cookie = await signInAs("school07", DEMO_PASSWORD);
    const body = (await (await getMe(authedRequest("/api/me", cookie))).json()) as { user: User };
    expect(body.user).toMatchObject({
      username: "school07",
      role: "school",
      schoolId: await schoolId("S07"),
    });
  });

  it("a cookie from a signed-out session no longer works", async () => {
    const cookie = await signInAs("inspector1", DEMO_PASSWORD);
    const signOut = await (await import("@/lib/server/auth/auth")).getAuth().handler(
      authedRequest("/api/auth/sign-out", cookie, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(signOut.status).toBe(200);
    const cleared = cookieHeaderFrom(signOut);
    expect((await getMe(authedRequest("/api/me", cleared))).status).toBe(401);
  });
});

describe("school scope", () => {
  it.each([
    ["office", 30],
    ["inspector1", 10],
    ["inspector2", 10],
    ["inspector3", 10],
    ["inspector4", 10],
    ["school05", 1],
  ])("%s sees %i schools", async (username, count) => {
    expect(await scopedSchoolIds(t.db, await domainUser(username))).toHaveLength(count);
  });

  it("keeps each school to itself", async () => {
    const school01 = await domainUser("school01");
    expect(await canSeeSchool(t.db, school01, await schoolId("S01"))).toBe(true);
    expect(await canSeeSchool(t.db, school01, await schoolId("S02"))).toBe(false);
  });

  it("gives inspectors their own zone only", async () => {
    const inspector1 = await domainUser("inspector1");
    expect(await canSeeSchool(t.db, inspector1, await schoolId("S03"))).toBe(true);
    expect(await canSeeSchool(t.db, inspector1, await schoolId("S13"))).toBe(false);
    expect(await inspectsSchool(t.db, inspector1, await schoolId("S03"))).toBe(true);
    expect(await inspectsSchool(t.db, await domainUser("office"), await schoolId("S03"))).toBe(
      false,
    );
  });

  it("shares the 乡镇 zone between its two inspectors", async () => {
    const [a, b] = await Promise.all([domainUser("inspector3"), domainUser("inspector4")]);
    expect((await scopedSchoolIds(t.db, a)).sort()).toEqual(
      (await scopedSchoolIds(t.db, b)).sort(),
    );
  });
});

describe("health", () => {
  it("reports ok with the kind of database", async () => {
    const response = await getHealth(authedRequest("/api/health", null));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", db: "external" });
  });
});
