import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getAuth } from "@/lib/server/auth/auth";
import { auditLog, schools, session, user as users } from "@/lib/server/db/schema";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { newId } from "@/lib/utils/ids";

import { GET as getMe } from "@/app/api/me/route";
import { GET as getNotices } from "@/app/api/notices/route";
import { GET as getAudit } from "@/app/api/org/audit/route";
import { PUT as putZoneInspectors } from "@/app/api/org/zones/[id]/inspectors/route";
import { PATCH as patchZone } from "@/app/api/org/zones/[id]/route";
import { POST as postZone } from "@/app/api/org/zones/route";
import { POST as postDisable } from "@/app/api/users/[id]/disable/route";
import { POST as postEnable } from "@/app/api/users/[id]/enable/route";
import { POST as postReset } from "@/app/api/users/[id]/reset-password/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";
import { POST as postCredentialSheet } from "@/app/api/users/credential-sheet/route";
import { POST as postPassword } from "@/app/api/users/me/password/route";
import { GET as getUsers, POST as postUser } from "@/app/api/users/route";
import { POST as postSchoolAccounts } from "@/app/api/users/school-accounts/route";

import { authedRequest, signInAs, signInRequest, TEST_ORIGIN } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/*
 * Accounts through /api/users/… with real sessions: one-time passwords that force a change,
 * disabling that ends sessions at once, no self-change of identity through any endpoint, bulk
 * school accounts with their credential sheet, and the audit log of it all.
 */

let t: TestDatabase;
let office: string;
let districtId: string;
let zoneId: string;

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const send = (path: string, cookie: string | null, method: string, body?: unknown) =>
  authedRequest(path, cookie, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  postPassword(
    send("/api/users/me/password", cookie, "POST", {
      currentPassword,
      newPassword,
      confirmPassword: newPassword,
    }),
  );

type Created = {
  person: { id: string; mustChangePassword: boolean };
  credential: { username: string; password: string };
};

async function createInspector(username: string): Promise<Created> {
  const response = await postUser(
    send("/api/users", office, "POST", {
      username,
      name: "周督学",
      phone: "13900000001",
      role: "inspector",
      districtId,
      zoneIds: [zoneId],
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as Created;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  office = await signInAs("office", DEMO_PASSWORD);
  const s01 = await schoolOf(t.db, "S01");
  districtId = s01.districtId;
  const [row] = await t.db
    .select({ zoneId: schools.zoneId })
    .from(schools)
    .where(eq(schools.id, s01.id));
  zoneId = row!.zoneId!;
});
afterAll(() => t.drop());

describe("a new account", () => {
  it("gets a one-time password that works once and forces 修改密码 before anything else", async () => {
    const { person, credential } = await createInspector("zhou_inspector");
    expect(person.mustChangePassword).toBe(true);
    expect(credential.password).toMatch(/^[A-Za-z2-9]{10}$/);

    const cookie = await signInAs(credential.username, credential.password);
    const me = await getMe(authedRequest("/api/me", cookie));
    expect(
      ((await me.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword,
    ).toBe(true);
    const blocked = await getNotices(authedRequest("/api/notices", cookie));
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({
      error: "password_change_required",
      message: "请先修改密码",
    });

    const wrong = await changePassword(cookie, "not-the-password", "my-own-pass-1");
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ message: "当前密码不正确" });
    expect((await changePassword(cookie, credential.password, "my-own-pass-1")).status).toBe(200);

    expect((await getNotices(authedRequest("/api/notices", cookie))).status).toBe(200);
    expect((await signInRequest(credential.username, credential.password)).status).toBe(401);
    expect((await signInRequest(credential.username, "my-own-pass-1")).status).toBe(200);
  });

  it("refuses bad input with 422 naming the field in Chinese, and writes nothing", async () => {
    const before = await t.db.$count(users);
    const response = await postUser(
      send("/api/users", office, "POST", { username: "x", name: "", role: "inspector" }),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { issues: { path: string[]; message: string }[] };
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["username"], message: "用户名至少 3 个字符" }),
        expect.objectContaining({ path: ["name"], message: "请填写姓名" }),
      ]),
    );
    const noDistrict = await postUser(
      send("/api/users", office, "POST", { username: "abc_def", name: "某人", role: "inspector" }),
    );
    expect(await noDistrict.json()).toMatchObject({
      issues: [expect.objectContaining({ path: ["districtId"], message: "请选择所属区县" })],
    });
    expect(await t.db.$count(users)).toBe(before);
  });
});

describe("reset and disable", () => {
  it("a reset ends the user's sessions; the one-time password works once and forces a change", async () => {
    const { person, credential: initial } = await createInspector("wu_inspector");
    const first = await signInAs("wu_inspector", initial.password);
    expect((await changePassword(first, initial.password, "wu-own-pass-1")).status).toBe(200);
    const before = await signInAs("wu_inspector", "wu-own-pass-1");

    const credential = await resetOf(person.id);
    expect((await getMe(authedRequest("/api/me", before))).status).toBe(401);
    expect((await signInRequest("wu_inspector", "wu-own-pass-1")).status).toBe(401);
    const cookie = await signInAs("wu_inspector", credential.password);
    expect((await getNotices(authedRequest("/api/notices", cookie))).status).toBe(403);
    expect((await changePassword(cookie, credential.password, "wu-own-pass-2")).status).toBe(200);
    expect((await signInRequest("wu_inspector", credential.password)).status).toBe(401);
  });

  it("a disabled account's next request is 401 and it cannot sign in; enabled, it can again", async () => {
    const cookie = await signInAs("inspector4", DEMO_PASSWORD);
    const inspector4 = await domainUser(t.db, "inspector4");
    expect((await getNotices(authedRequest("/api/notices", cookie))).status).toBe(200);

    expect(
      (
        await postDisable(
          send(`/api/users/${inspector4.id}/disable`, office, "POST"),
          idParams(inspector4.id),
        )
      ).status,
    ).toBe(200);
    expect((await getNotices(authedRequest("/api/notices", cookie))).status).toBe(401);
    expect(await t.db.$count(session, eq(session.userId, inspector4.id))).toBe(0);
    const refused = await signInRequest("inspector4", DEMO_PASSWORD);
    expect(refused.ok).toBe(false);
    expect(await t.db.$count(session, eq(session.userId, inspector4.id))).toBe(0);

    expect(
      (
        await postEnable(
          send(`/api/users/${inspector4.id}/enable`, office, "POST"),
          idParams(inspector4.id),
        )
      ).status,
    ).toBe(200);
    expect((await signInRequest("inspector4", DEMO_PASSWORD)).status).toBe(200);
  });
});

async function resetOf(userId: string): Promise<{ password: string }> {
  const response = await postReset(
    send(`/api/users/${userId}/reset-password`, office, "POST"),
    idParams(userId),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { credential: { password: string } }).credential;
}

describe("nobody changes their own identity", () => {
  const identity = async (id: string) => {
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    return {
      username: row!.username,
      name: row!.name,
      role: row!.role,
      schoolId: row!.schoolId,
      districtId: row!.districtId,
    };
  };

  it("a school cannot rename itself, nor change its role, school or district, through better-auth", async () => {
    const school = await domainUser(t.db, "school01");
    const cookie = await signInAs("school01", DEMO_PASSWORD);
    const before = await identity(school.id);
    const attempts: [string, unknown][] = [
      ["/update-user", { name: "示范区督导室", username: "office2" }],
      ["/update-user", { role: "admin", schoolId: null, districtId: null }],
      ["/change-email", { newEmail: "x@example.cn" }],
      ["/admin/set-role", { userId: school.id, role: "admin" }],
      ["/admin/update-user", { userId: school.id, data: { name: "示范区督导室" } }],
      ["/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "bypass-pass-1" }],
    ];
    for (const [path, body] of attempts) {
      const response = await getAuth().handler(
        new Request(`${TEST_ORIGIN}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: TEST_ORIGIN, cookie },
          body: JSON.stringify(body),
        }),
      );
      expect(response.ok, path).toBe(false);
    }
    expect(await identity(school.id)).toEqual(before);
  });

  it("no one changes their own account through /api/users, and identity fields are refused for others too", async () => {
    const me = await domainUser(t.db, "office");
    const before = await identity(me.id);
    const self = [
      await patchUser(
        send(`/api/users/${me.id}`, office, "PATCH", { name: "新名字" }),
        idParams(me.id),
      ),
      await postReset(send(`/api/users/${me.id}/reset-password`, office, "POST"), idParams(me.id)),
      await postDisable(send(`/api/users/${me.id}/disable`, office, "POST"), idParams(me.id)),
    ];
    expect(self.map((r) => r.status)).toEqual([403, 403, 403]);
    const inspector1 = await domainUser(t.db, "inspector1");
    for (const field of [
      { username: "renamed" },
      { role: "office" },
      { schoolId: newId() },
      { districtId: newId() },
    ]) {
      const response = await patchUser(
        send(`/api/users/${inspector1.id}`, office, "PATCH", field),
        idParams(inspector1.id),
      );
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ message: "只能修改姓名、手机号和督学责任区" });
    }
    expect(await identity(me.id)).toEqual(before);
  });
});

describe("bulk school accounts", () => {
  it("opens one account per school lacking one, and the sheet lists them with Chinese headers", async () => {
    const s01 = await schoolOf(t.db, "S01");
    const newSchools = ["N01", "N02", "N03"].map((code, i) => ({
      id: newId(),
      districtId,
      zoneId,
      code,
      name: `新建第${i + 1}小学`,
      stage: "primary",
      ownership: "public",
      isVillage: false,
      isBoarding: false,
      canteen: "none",
      hasSchoolBus: false,
      studentCount: 300,
      classCount: 6,
    }));
    await t.db.insert(schools).values(newSchools);

    const response = await postSchoolAccounts(
      send("/api/users/school-accounts", office, "POST", { districtId }),
    );
    expect(response.status).toBe(201);
    const result = (await response.json()) as {
      created: { schoolCode: string; username: string; password: string; schoolName: string }[];
      skipped: number;
    };
    expect(result.created.map((c) => [c.schoolCode, c.username])).toEqual([
      ["N01", "school_n01"],
      ["N02", "school_n02"],
      ["N03", "school_n03"],
    ]);
    expect(result.skipped).toBeGreaterThan(0);
    const again = (await (
      await postSchoolAccounts(
        send("/api/users/school-accounts", office, "POST", {
          schoolIds: [s01.id, newSchools[0]!.id],
        }),
      )
    ).json()) as typeof result;
    expect(again).toEqual({ created: [], skipped: 2 });

    const sheet = await postCredentialSheet(
      send("/api/users/credential-sheet", office, "POST", { rows: result.created }),
    );
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toContain(encodeURIComponent("学校账号.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await sheet.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual(["学校", "学校代码", "账号", "初始密码", "登录网址"]);
    expect(rows[1]!.slice(1, 5)).toEqual([
      "新建第1小学",
      "N01",
      "school_n01",
      result.created[0]!.password,
    ]);
    expect(String(rows[1]![5])).toMatch(/\/login$/);

    const cookie = await signInAs("school_n02", result.created[1]!.password);
    expect((await getNotices(authedRequest("/api/notices", cookie))).status).toBe(403);
  });
});

describe("zones, assignments and the audit log", () => {
  it("records who changed which assignment, before → after, and filters by action", async () => {
    const created = await postZone(
      send("/api/org/zones", office, "POST", { districtId, name: "新城责任区" }),
    );
    expect(created.status).toBe(201);
    const zone = ((await created.json()) as { zone: { id: string } }).zone;
    const inspector2 = await domainUser(t.db, "inspector2");
    expect(
      (
        await putZoneInspectors(
          send(`/api/org/zones/${zone.id}/inspectors`, office, "PUT", { userIds: [inspector2.id] }),
          idParams(zone.id),
        )
      ).status,
    ).toBe(200);
    const school01 = await domainUser(t.db, "school01");
    const notInspector = await putZoneInspectors(
      send(`/api/org/zones/${zone.id}/inspectors`, office, "PUT", { userIds: [school01.id] }),
      idParams(zone.id),
    );
    expect(notInspector.status).toBe(422);
    expect(
      (
        await patchZone(
          send(`/api/org/zones/${zone.id}`, office, "PATCH", { active: false }),
          idParams(zone.id),
        )
      ).status,
    ).toBe(200);

    const audit = await getAudit(
      authedRequest(`/api/org/audit?action=zone.inspectors&targetId=${zone.id}`, office),
    );
    const body = (await audit.json()) as {
      entries: { actorName: string; before: unknown; after: unknown }[];
      total: number;
    };
    expect(body.total).toBe(1);
    expect(body.entries[0]).toMatchObject({
      actorName: "陈主任（督导室）",
      before: { inspectorIds: [] },
      after: { inspectorIds: [inspector2.id] },
    });

    const page = (await (
      await getAudit(authedRequest("/api/org/audit?pageSize=2&page=1", office))
    ).json()) as { entries: unknown[]; total: number };
    expect(page.entries).toHaveLength(2);
    expect(page.total).toBe(await t.db.$count(auditLog));
    const bad = await getAudit(authedRequest("/api/org/audit?from=yesterday", office));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ message: "开始日期格式应为 YYYY-MM-DD" });
  });

  it("lists people with search and filters by role and zone", async () => {
    const byZone = (await (
      await getUsers(authedRequest(`/api/users?role=inspector&zoneId=${zoneId}`, office))
    ).json()) as { people: { username: string }[] };
    expect(byZone.people.map((p) => p.username)).toEqual(
      expect.arrayContaining(["inspector1", "zhou_inspector"]),
    );
    expect(byZone.people.map((p) => p.username)).not.toContain("inspector2");
    const search = (await (
      await getUsers(authedRequest(`/api/users?q=${encodeURIComponent("王建国")}`, office))
    ).json()) as { people: { username: string }[] };
    expect(search.people.map((p) => p.username)).toEqual(["inspector1"]);
  });
});
