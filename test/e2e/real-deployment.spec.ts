/**
 * Issue 8's acceptance, all of it through the pages a person uses: a real deployment from an empty
 * database started with ADMIN_USERNAME / ADMIN_PASSWORD (its own `npm start` on its own port and
 * data dir). The admin is sent to the setup flow, creates the district, uploads an .xlsx of 40
 * schools with a bad row (named by row and column, nothing imported) and then the fixed file,
 * creates two zones and two inspectors, bulk-creates school accounts and downloads the credential
 * sheet; the district's office adopts two checklists. An inspector on a phone downloads a pack with
 * only their zone's schools, taps through a visit with a finding and syncs it; the school signs in
 * with the sheet's password, must set its own on the page, and sees the notice.
 */
import fs from "node:fs/promises";

import { expect, type Browser, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";

import {
  schoolCard,
  addPhoto,
  finishAndSubmit,
  readLocalVisit,
  readOutbox,
  rows,
  startVisit,
} from "./inspector-helpers";
import { E2E_PORT } from "../../playwright.config";
import { type AppServer, startAppServer } from "../bench/app-server";
import { schoolRows, xlsxOf } from "../helpers/school-sheet";

const PORT = E2E_PORT + 1;
const BASE = `http://localhost:${PORT}`;
const ADMIN = { username: "admin", password: "admin-pass-2026" };
const NEW_PASSWORD = "my-own-pass-2026";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

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

async function signInWith(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** First sign-in with a one-time password: only 修改密码 opens until the person sets their own. */
async function firstSignIn(page: Page, username: string, oneTime: string, home: RegExp) {
  await signInWith(page, username, oneTime);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText("请先设置自己的新密码")).toBeVisible();
  await page.getByLabel("当前密码（或督导室给您的初始密码）").fill(oneTime);
  await page.getByLabel("新密码（至少 8 个字符）").fill(NEW_PASSWORD);
  await page.getByLabel("再次输入新密码").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "保存新密码" }).click();
  await expect(page).toHaveURL(home);
}

/** An import file written to disk and picked in the file chooser, as the office would. */
async function uploadSchools(page: Page, file: string, schoolRowsOfFile: string[][]) {
  await fs.writeFile(file, await xlsxOf(schoolRowsOfFile));
  await page.getByLabel("选择 Excel（.xlsx）或 CSV 文件").setInputFiles(file);
}

/** Opens an account on the people page; returns the one-time password it shows once. */
async function openAccount(
  page: Page,
  account: {
    role: string;
    name: string;
    username: string;
    phone?: string;
    zones?: string[];
    city?: string;
  },
): Promise<string> {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "开设账号" }) });
  await form.getByLabel("角色").selectOption({ label: account.role });
  await form.getByLabel("姓名").fill(account.name);
  await form.getByLabel("用户名（登录用）").fill(account.username);
  await form.getByLabel("手机号").fill(account.phone ?? "");
  for (const zone of account.zones ?? []) await form.getByLabel(zone).check();
  if (account.city) await form.getByLabel("所属市").selectOption({ label: account.city });
  await form.getByRole("button", { name: "开设账号" }).click();
  const shown = page.getByRole("status").filter({ hasText: "一次性密码" });
  await expect(shown).toContainText(account.username);
  const password = (await shown.getByTestId("one-time-password").textContent())!.trim();
  await shown.getByRole("button", { name: "已告知，关闭" }).click();
  await expect(page.getByRole("row").filter({ hasText: account.username })).toBeVisible();
  return password;
}

test("a county sets itself up from an empty database and runs its first inspection", async ({
  browser,
}, testInfo) => {
  test.setTimeout(900_000);

  // ── The admin's first sign-in opens the setup flow ───────────────────────────────────────────
  const admin = await contextAt(browser, { acceptDownloads: true });
  const page = await admin.newPage();
  await signInWith(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/\/office\/setup$/);
  await expect(page.getByRole("heading", { name: "初始设置" })).toBeVisible();
  await expect(page.getByText("还没有区县")).toBeVisible();

  // 1. The city and its district, on the 区县 page the setup links to.
  await page.getByRole("link", { name: "创建区县" }).click();
  await expect(page).toHaveURL(/\/office\/districts$/);
  await page.getByLabel("市代码").fill("hongcheng");
  await page.getByLabel("市名称").fill("洪城市");
  await page.getByRole("button", { name: "新建市" }).click();
  await expect(page.getByLabel("所属市").getByRole("option", { name: "洪城市" })).toBeAttached();
  await page.getByLabel("所属市").selectOption({ label: "洪城市" });
  await page.getByLabel("区县代码").fill("qingshan");
  await page.getByLabel("区县名称").fill("青山区");
  await page.getByLabel("通知书文号前缀").fill("青山督改");
  await page.getByRole("button", { name: "新建区县" }).click();
  await expect(page.getByRole("cell", { name: "青山区" })).toBeVisible();
  await page.goto("/office/setup");
  await expect(page.getByText("已创建：青山区")).toBeVisible();

  // 2. Schools: a file with one bad row is refused whole, then the fixed file is imported.
  await page.getByRole("link", { name: "从 Excel 导入学校" }).click();
  await expect(page).toHaveURL(/\/office\/schools\/import/);
  const file = testInfo.outputPath("青山区学校.xlsx");
  const good = schoolRows(40, { prefix: "QS" });
  const bad = good.map((r, i) => r.map((c, j) => (i === 5 && j === 2 ? "初级中学" : c)));
  await uploadSchools(page, file, bad);
  const errors = page.getByRole("table");
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors).toContainText("第 7 行");
  await expect(errors).toContainText("学段");
  await expect(errors).toContainText("无法识别的学段“初级中学”");
  await expect(page.getByText("文件有误，未导入任何学校")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toBeHidden();

  await uploadSchools(page, file, good);
  await expect(page.getByText("检查通过：共 40 所学校，将新增 40 所，更新 0 所")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成：共 40 所，新增 40 所，更新 0 所。")).toBeVisible();
  await page.getByRole("link", { name: "查看学校名单" }).click();
  await expect(page.getByText("共 40 所")).toBeVisible();

  // 3. Two zones on the 责任区 page; the schools go into them by uploading the file again with the
  //    zone column filled (an import updates by school code).
  await page.goto("/office/zones");
  for (const name of ["城区责任区", "乡镇责任区"]) {
    await page.getByLabel("新责任区名称").fill(name);
    await page.getByRole("button", { name: "新建责任区" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await page.goto("/office/schools/import");
  await uploadSchools(
    page,
    file,
    schoolRows(40, { prefix: "QS", zone: (i) => (i < 20 ? "城区责任区" : "乡镇责任区") }),
  );
  await expect(page.getByText("检查通过：共 40 所学校，将新增 0 所，更新 40 所")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成：共 40 所，新增 0 所，更新 40 所。")).toBeVisible();

  // Two inspectors (one per zone) and the district's office, on the 人员 page. The second
  // inspector's phone was mistyped: corrected on the same page.
  await page.goto("/office/people");
  const inspectorPassword = await openAccount(page, {
    role: "督学",
    name: "王建国",
    username: "dx1",
    phone: "13800000001",
    zones: ["城区责任区"],
  });
  await openAccount(page, {
    role: "督学",
    name: "李梅",
    username: "dx2",
    phone: "1380000000",
    zones: ["乡镇责任区"],
  });
  const officePassword = await openAccount(page, {
    role: "督导室",
    name: "青山区督导室",
    username: "qsoffice",
  });
  const cityPassword = await openAccount(page, {
    role: "市级督导室",
    name: "洪城市督导室",
    username: "hcoffice",
    city: "洪城市",
  });
  await page.getByRole("button", { name: "修改李梅的资料" }).click();
  const edit = page.getByRole("form", { name: "修改李梅的资料" });
  await edit.getByLabel("手机号").fill("13800000002");
  await edit.getByLabel("乡镇责任区").check();
  await edit.getByLabel("城区责任区").check();
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit).toBeHidden();
  const li = page.getByRole("row").filter({ hasText: "dx2" });
  await expect(li).toContainText("13800000002");
  await expect(li).toContainText("城区责任区");
  await expect(li).toContainText("乡镇责任区");
  // …and back to one zone, so that each zone has its own inspector.
  await page.getByRole("button", { name: "修改李梅的资料" }).click();
  await edit.getByLabel("城区责任区").uncheck();
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(li).not.toContainText("城区责任区");

  // 4. One account per school, and the credential sheet downloaded as the browser saves it.
  await page.getByRole("button", { name: "批量开设" }).click();
  // 40 scrypt hashes: slow on a loaded machine.
  await expect(page.getByText("已开设 40 个账号")).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载账号单（Excel）" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("学校账号.xlsx");
  const sheet = new ExcelJS.Workbook();
  await sheet.xlsx.readFile(await download.path());
  const header = sheet.worksheets[0]!.getRow(1).values as string[];
  const line = sheet.worksheets[0]!.getRows(2, 40)!.find(
    (r) => r.getCell(header.indexOf("学校代码")).text === "QS0001",
  )!;
  const firstSchool = {
    name: line.getCell(header.indexOf("学校")).text,
    username: line.getCell(header.indexOf("账号")).text,
    password: line.getCell(header.indexOf("初始密码")).text,
  };
  expect(firstSchool.name).toBe("测试第1学校");
  expect(firstSchool.password).toMatch(/^[A-Za-z2-9]{10}$/);

  await page.goto("/office/setup");
  await expect(page.getByText("已有 40 所学校")).toBeVisible();
  await expect(page.getByText("2 个责任区、2 名督学")).toBeVisible();
  await expect(page.getByText("每所学校都有账号")).toBeVisible();

  // 5. The district's office signs in, sets its own password and adopts two checklists.
  const officePage = await (await contextAt(browser)).newPage();
  await firstSignIn(officePage, "qsoffice", officePassword, /\/office$/);
  for (const code of ["campus-safety", "food-safety"]) {
    await officePage.goto(`/office/templates/${code}`);
    await officePage.getByRole("button", { name: /^采用第 \d+ 版$/ }).click();
    await expect(officePage.getByRole("button", { name: /^采用第 \d+ 版$/ })).toBeHidden();
  }
  await officePage.goto("/office/setup");
  await expect(officePage.getByText("已采用 2 个模板")).toBeVisible();

  // The city's office reads the district's schools, each record read-only.
  const cityPage = await (await contextAt(browser)).newPage();
  await firstSignIn(cityPage, "hcoffice", cityPassword, /\/office$/);
  await cityPage.goto("/office/schools");
  await expect(cityPage.getByText("共 40 所")).toBeVisible();
  await expect(cityPage.getByRole("link", { name: "批量导入" })).toHaveCount(0);
  await cityPage.getByRole("link", { name: "测试第1学校" }).click();
  await expect(cityPage.getByRole("heading", { name: "测试第1学校" })).toBeVisible();
  await expect(cityPage.getByText("城区责任区")).toBeVisible();
  await expect(cityPage.getByText("校长1")).toBeVisible();
  await expect(cityPage.locator("main").getByRole("textbox")).toHaveCount(0);
  await expect(cityPage.getByRole("button", { name: /保存|停用/ })).toHaveCount(0);

  // ── An inspector on a phone: the pack holds only their zone's schools; a visit with a finding ──
  const phone = await (await contextAt(browser, PHONE)).newPage();
  await firstSignIn(phone, "dx1", inspectorPassword, /\/inspect$/);
  await phone.getByRole("button", { name: "下载检查包" }).tap();
  await expect(phone.getByText(/共 20 所学校/)).toBeVisible({ timeout: 60_000 });
  await expect(schoolCard(phone, "测试第1学校")).toBeVisible();
  await expect(phone.getByText("测试第21学校", { exact: true })).toHaveCount(0);
  await phone.getByLabel("搜索学校").fill("测试第3");
  await expect(schoolCard(phone, "测试第3学校")).toBeVisible();
  await expect(phone.getByText("测试第30学校", { exact: true })).toHaveCount(0);
  await phone.getByLabel("搜索学校").fill("");

  const visitId = await startVisit(phone, "测试第1学校", "校园安全检查");
  const finding = rows(phone).first();
  await finding.getByRole("radio", { name: "不符合", exact: true }).tap();
  await addPhoto(phone, finding.locator('input[type="file"]').first(), finding, 1);
  await finding.getByRole("button", { name: "限期整改" }).tap();
  await finding.getByLabel("问题描述").fill("门卫室无外来人员登记簿");
  await finishAndSubmit(phone);

  await phone.getByRole("link", { name: "同步与存储" }).click();
  await phone.getByRole("button", { name: "立即同步" }).tap();
  await expect
    .poll(
      async () => {
        const [outbox, local] = await Promise.all([
          readOutbox(phone),
          readLocalVisit(phone, visitId),
        ]);
        return {
          pending: outbox.pending.length,
          rejected: outbox.rejected.length,
          photosWaiting: local.photos.filter((p) => p.uploadState !== "uploaded").length,
        };
      },
      { timeout: 180_000 },
    )
    .toEqual({ pending: 0, rejected: 0, photosWaiting: 0 });

  // ── The school signs in with the sheet's password, must set its own, and sees the notice ─────
  const school = await (await contextAt(browser, PHONE)).newPage();
  await firstSignIn(school, firstSchool.username, firstSchool.password, /\/school$/);
  const notice = school.getByRole("link").filter({ hasText: "青山督改" });
  await expect(notice).toHaveCount(1);
  await notice.click();
  await expect(school).toHaveURL(/\/school\/notices\//);
  await expect(school.getByText("门卫室无外来人员登记簿", { exact: true })).toBeVisible();
});
