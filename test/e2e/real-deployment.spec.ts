/**
 * Issue 8's acceptance: a real deployment from an empty database started with ADMIN_USERNAME /
 * ADMIN_PASSWORD (its own `npm start` on its own port and data dir). The admin is sent to the setup
 * flow, creates the district, imports 40 schools (a bad row first: named by row and column, nothing
 * imported), creates zones, inspectors and the district office, bulk-creates school accounts and
 * downloads the credential sheet; the office adopts two checklists; an inspector downloads a pack
 * with only their zones' schools and syncs a visit with a finding; the school signs in with the
 * sheet's password, must set a new one, and sees the notice.
 *
 * Steps whose pages are not built yet (区县, 责任区, 人员, 修改密码) go through the same APIs those
 * pages call, from the signed-in browser context.
 */
import { expect, type APIRequestContext, type Browser, test } from "@playwright/test";
import ExcelJS from "exceljs";

import { visitPackSchema } from "@/lib/sync/protocol";

import { pushVisit } from "./inspector-visit";
import { E2E_PORT } from "../../playwright.config";
import { type AppServer, startAppServer } from "../bench/app-server";
import { schoolRows, xlsxOf } from "../helpers/school-sheet";

const PORT = E2E_PORT + 1;
const BASE = `http://localhost:${PORT}`;
const ADMIN = { username: "admin", password: "admin-pass-2026" };
const NEW_PASSWORD = "my-own-pass-2026";

let server: AppServer;
test.beforeAll(async () => {
  test.setTimeout(600_000);
  server = await startAppServer(PORT, {
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
  });
});
test.afterAll(async () => {
  await server?.stop();
});

async function contextAt(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  return browser.newContext({
    baseURL: BASE,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...options,
  });
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<T> {
  expect(response.ok(), `${response.url()} → ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

/** Signs in over HTTP and replaces the one-time password with the person's own. */
async function firstSignIn(
  request: APIRequestContext,
  username: string,
  oneTime: string,
): Promise<string> {
  const signedIn = await json<{ user: { id: string } }>(
    await request.post("/api/auth/sign-in/username", { data: { username, password: oneTime } }),
  );
  await json(
    await request.post("/api/users/me/password", {
      data: { currentPassword: oneTime, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    }),
  );
  await request.post("/api/auth/sign-in/username", { data: { username, password: NEW_PASSWORD } });
  return signedIn.user.id;
}

test("a county sets itself up from an empty database and runs its first inspection", async ({
  browser,
}) => {
  test.setTimeout(600_000);

  // ── The admin's first sign-in opens the setup flow ───────────────────────────────────────────
  const admin = await contextAt(browser);
  const page = await admin.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(ADMIN.username);
  await page.getByLabel("密码").fill(ADMIN.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/office\/setup$/);
  await expect(page.getByRole("heading", { name: "初始设置" })).toBeVisible();
  await expect(page.getByText("还没有区县")).toBeVisible();

  // 1. The district (区县 page: its API).
  const { district } = await json<{ district: { id: string } }>(
    await admin.request.post("/api/org/districts", {
      data: { code: "qingshan", name: "青山区", noticePrefix: "青山督改" },
    }),
  );
  await page.reload();
  await expect(page.getByText("已创建：青山区")).toBeVisible();

  // 2. Schools: a file with one bad row is refused whole, then the fixed file is imported.
  await page.getByRole("link", { name: "从 Excel 导入学校" }).click();
  await expect(page).toHaveURL(/\/office\/schools\/import/);
  const rows = schoolRows(40, { prefix: "QS" });
  const bad = rows.map((r, i) => r.map((c, j) => (i === 5 && j === 2 ? "初级中学" : c)));
  const fileInput = page.getByLabel("选择 Excel（.xlsx）或 CSV 文件");
  await fileInput.setInputFiles({
    name: "青山区学校.xlsx",
    mimeType: "application/octet-stream",
    buffer: await xlsxOf(bad),
  });
  const errors = page.getByRole("table");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors).toContainText("第 7 行");
  await expect(errors).toContainText("学段");
  await expect(errors).toContainText("无法识别的学段“初级中学”");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeHidden();
  const none = await json<{ total: number }>(
    await admin.request.get(`/api/org/schools?districtId=${district.id}`),
  );
  expect(none.total, "a file with a bad row imports nothing").toBe(0);

  await fileInput.setInputFiles({
    name: "青山区学校.xlsx",
    mimeType: "application/octet-stream",
    buffer: await xlsxOf(rows),
  });
  await expect(page.getByText("检查通过：共 40 所学校，将新增 40 所，更新 0 所")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成：共 40 所，新增 40 所，更新 0 所。")).toBeVisible();

  // 3. Two zones and two inspectors (责任区 and 人员 pages: their APIs); the schools go into the
  //    zones by importing the same file again with the zone column filled (updates by code).
  const zoneIds: string[] = [];
  for (const name of ["城区责任区", "乡镇责任区"]) {
    const { zone } = await json<{ zone: { id: string } }>(
      await admin.request.post("/api/org/zones", { data: { districtId: district.id, name } }),
    );
    zoneIds.push(zone.id);
  }
  const zoned = schoolRows(40, {
    prefix: "QS",
    zone: (i) => (i < 20 ? "城区责任区" : "乡镇责任区"),
  });
  const updated = await json<{ created: number; updated: number }>(
    await admin.request.post(`/api/org/schools/import?districtId=${district.id}`, {
      data: await xlsxOf(zoned),
    }),
  );
  expect(updated).toMatchObject({ created: 0, updated: 40 });
  const inspectors: { username: string; password: string }[] = [];
  for (const [i, zoneId] of zoneIds.entries()) {
    const created = await json<{ credential: { username: string; password: string } }>(
      await admin.request.post("/api/users", {
        data: {
          username: `dx${i + 1}`,
          name: `督学${i + 1}`,
          role: "inspector",
          districtId: district.id,
          zoneIds: [zoneId],
        },
      }),
    );
    inspectors.push(created.credential);
  }
  const office = await json<{ credential: { username: string; password: string } }>(
    await admin.request.post("/api/users", {
      data: { username: "qsoffice", name: "青山区督导室", role: "office", districtId: district.id },
    }),
  );

  // 4. One account per school and the credential sheet (人员 page: its API), read back as a file.
  const accounts = await json<{
    created: { schoolCode: string; username: string; password: string }[];
  }>(await admin.request.post("/api/users/school-accounts", { data: { districtId: district.id } }));
  expect(accounts.created).toHaveLength(40);
  const sheetResponse = await admin.request.post("/api/users/credential-sheet", {
    data: {
      rows: accounts.created.map(({ schoolCode, username, password }, i) => ({
        schoolName: `测试第${i + 1}学校`,
        schoolCode,
        username,
        password,
      })),
    },
  });
  expect(sheetResponse.headers()["content-type"]).toContain("spreadsheetml");
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.load((await sheetResponse.body()) as unknown as ArrayBuffer);
  const sheetText = sheet.worksheets[0]!.getSheetValues().flat().map(String);
  const firstSchool = accounts.created.find((a) => a.schoolCode === "QS0001")!;
  expect(sheetText).toContain(firstSchool.username);
  expect(sheetText).toContain(firstSchool.password);

  // 5. The district's office adopts two checklists on the template pages.
  const officePage = await (await contextAt(browser)).newPage();
  await firstSignIn(
    officePage.context().request,
    office.credential.username,
    office.credential.password,
  );
  for (const code of ["campus-safety", "food-safety"]) {
    await officePage.goto(`/office/templates/${code}`);
    await officePage.getByRole("button", { name: /^采用第 \d+ 版$/ }).click();
    await expect(officePage.getByRole("button", { name: /^采用第 \d+ 版$/ })).toBeHidden();
  }
  await officePage.goto("/office/setup");
  await expect(officePage.getByText("已采用 2 个模板")).toBeVisible();
  await expect(officePage.getByText("已有 40 所学校")).toBeVisible();
  await expect(officePage.getByText("每所学校都有账号")).toBeVisible();

  // ── An inspector on a phone: the pack holds only their zone's schools; a visit with a finding ──
  const phone = await contextAt(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const inspectorId = await firstSignIn(
    phone.request,
    inspectors[0]!.username,
    inspectors[0]!.password,
  );
  const pack = visitPackSchema.parse(await json(await phone.request.get("/api/inspect/pack")));
  expect(pack.schools.map((s) => s.code).sort()).toEqual(
    Array.from({ length: 20 }, (_, i) => `QS${String(i + 1).padStart(4, "0")}`),
  );
  expect(new Set(pack.templates.map((t) => t.code))).toEqual(
    new Set(["campus-safety", "food-safety"]),
  );
  await pushVisit({
    request: phone.request,
    page: await phone.newPage(),
    inspectorId,
    schoolName: "测试第1学校",
    templateCode: "campus-safety",
    findings: { deadline: 1, onSite: 0 },
  });

  // ── The school signs in with the sheet's password, must set its own, and sees the notice ─────
  const school = await contextAt(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const schoolPage = await school.newPage();
  await schoolPage.goto("/login");
  await schoolPage.getByLabel("用户名").fill(firstSchool.username);
  await schoolPage.getByLabel("密码").fill(firstSchool.password);
  await schoolPage.getByRole("button", { name: "登录" }).click();
  await expect(schoolPage).toHaveURL(/\/account\/password$/);
  expect(
    (await school.request.get("/api/notices")).status(),
    "nothing opens before a new password",
  ).toBe(403);
  await json(
    await school.request.post("/api/users/me/password", {
      data: {
        currentPassword: firstSchool.password,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      },
    }),
  );
  await schoolPage.goto("/login");
  await schoolPage.getByLabel("用户名").fill(firstSchool.username);
  await schoolPage.getByLabel("密码").fill(NEW_PASSWORD);
  await schoolPage.getByRole("button", { name: "登录" }).click();
  await expect(schoolPage).toHaveURL(/\/school$/);
  await expect(schoolPage.getByText("青山督改")).toBeVisible();
});
