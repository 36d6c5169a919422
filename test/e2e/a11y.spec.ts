/**
 * Accessibility (issue #10): axe-core's WCAG 2.1 A/AA rules on every page the e2e suites visit, on
 * all three surfaces and the shared pages, at a phone's size. No serious or critical violation is
 * allowed; each page is checked and reported on its own, so one run lists everything to fix.
 * (/office/districts is the admin's alone, and the demo data has no admin account.)
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";
import { rows, schoolCard, startVisit } from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now and records its serious and critical violations. */
async function checkPage(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.html.slice(0, 160)).join(", ")}`);
  expect.soft(serious, `${name} (${page.url()})`).toEqual([]);
}

/** Opens `path`, waits for its main heading, and checks it. */
async function visit(page: Page, path: string, name = path): Promise<void> {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  await checkPage(page, name);
}

/** The href of the first link on the page starting with `prefix` (a detail page to visit). */
async function firstLink(page: Page, prefix: string, excluding: RegExp = /$^/): Promise<string> {
  const hrefs = await page
    .locator(`a[href^="${prefix}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const href = hrefs.find((h) => h.length > prefix.length && !excluding.test(h));
  if (href === undefined) throw new Error(`no link to ${prefix}… on ${page.url()}`);
  return href;
}

test("the sign-in and offline pages", async ({ page }) => {
  await visit(page, "/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("请输入用户名")).toBeVisible();
  await checkPage(page, "/login with its errors");
  await visit(page, "/offline");
});

test("the inspector's pages", async ({ page }) => {
  // axe over a whole checklist is slow on a busy machine.
  test.setTimeout(360_000);
  await signIn(page, "inspector1", /\/inspect$/);
  await expect(schoolCard(page, "示范区实验小学")).toBeVisible();
  await checkPage(page, "/inspect");
  // The shortest checklist (18 items): every row is the same component, and axe takes minutes
  // over a long one on a busy machine.
  await startVisit(page, "示范区实验小学", "办学规范与大班额检查");
  await expect(rows(page).first()).toBeVisible();
  // A finding open, so its panel (severity, deadline, photos) is checked too. The list opens on
  // number items (班额), so the first judgement item takes it.
  await rows(page)
    .filter({ has: page.getByRole("radio", { name: "不符合", exact: true }) })
    .first()
    .getByRole("radio", { name: "不符合", exact: true })
    .click();
  await checkPage(page, "/inspect/visit");
  // The answers are one radio group: a single tab stop, arrow keys move and choose.
  const second = rows(page)
    .filter({ has: page.getByRole("radio", { name: "部分符合", exact: true }) })
    .nth(1);
  const group = second.getByRole("radiogroup", { name: "检查结论" });
  await group.getByRole("radio", { name: "符合", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  const partial = group.getByRole("radio", { name: "部分符合", exact: true });
  await expect(partial).toBeFocused();
  await expect(partial).toHaveAttribute("aria-checked", "true");
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("ArrowLeft");
  await expect(group.getByRole("radio", { name: "符合", exact: true })).toBeChecked();
  await expect(second).toHaveAttribute("data-result", "pass");
  await page.getByRole("button", { name: "签名提交" }).click();
  await expect(page).toHaveURL(/view=submit/);
  await checkPage(page, "/inspect/visit?view=submit");
  await page.goto("/inspect");
  await schoolCard(page, "示范区实验小学")
    .getByRole("link", { name: /^(开始检查|另开一次检查)$/ })
    .click();
  await expect(page.getByRole("button", { name: "开始检查" })).toBeVisible();
  await checkPage(page, "/inspect/start");
  await visit(page, "/inspect/visits");
  await visit(page, "/inspect/sync");
});

test("the school's pages", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "school01", /\/school/);
  await visit(page, "/school");
  await visit(page, "/school/items");
  const item = await firstLink(page, "/school/items/");
  await visit(page, item, "/school/items/[id]");
  await page.goto("/school/items");
  // An item with a notice: the notice and, through it, the visit record.
  const notice = await firstLink(page, "/school/notices/").catch(async () => {
    await page.goto(item);
    return firstLink(page, "/school/notices/");
  });
  await visit(page, notice, "/school/notices/[id]");
  const record = await firstLink(page, "/school/visits/");
  await visit(page, record, "/school/visits/[id]");
});

test.describe("the office's pages", () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeEach(async ({ page }) => {
    await signIn(page, "office", /\/office/);
  });

  test("home, review and the organisation", async ({ page }) => {
    for (const path of [
      "/office",
      "/office/review",
      "/office/people",
      "/office/zones",
      "/office/audit",
      "/office/setup",
      "/office/settings",
      "/account/password",
    ]) {
      await visit(page, path);
    }
  });

  test("schools and templates", async ({ page }) => {
    for (const path of [
      "/office/schools",
      "/office/schools/new",
      "/office/schools/import",
      "/office/templates",
      "/office/templates/campus-safety",
    ]) {
      await visit(page, path);
    }
    await page.goto("/office/schools");
    await visit(
      page,
      await firstLink(page, "/office/schools/", /\/(new|import)$/),
      "/office/schools/[id]",
    );
  });

  test("items, a notice and a visit record", async ({ page }) => {
    await visit(page, "/office/items");
    const item = await firstLink(page, "/office/items/");
    const notice = await firstLink(page, "/office/notices/");
    await visit(page, item, "/office/items/[id]");
    await visit(page, notice, "/office/notices/[id]");
    await visit(page, await firstLink(page, "/office/visits/"), "/office/visits/[id]");
  });
});
