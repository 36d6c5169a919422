import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./helpers";
import { rows, startVisit } from "./inspector-helpers";

type ApiTemplate = { code: string; version: number; items: { code: string; prompt: string }[] };

async function latestVersion(page: Page, code: string): Promise<ApiTemplate> {
  const response = await page.request.get("/api/templates");
  expect(response.status()).toBe(200);
  const { templates } = (await response.json()) as { templates: ApiTemplate[] };
  const template = templates.find((t) => t.code === code);
  if (!template) throw new Error(`模板 ${code} 不在 /api/templates 中`);
  return template;
}

async function pinnedVersion(page: Page, code: string, version: number): Promise<ApiTemplate> {
  const response = await page.request.get(`/api/templates/${code}/versions/${version}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { template: ApiTemplate }).template;
}

/** In the office UI: edit one item's prompt in a new version, review the change and publish it. */
async function publishPromptChange(
  page: Page,
  change: { title: string; code: string; itemCode: string; prompt: string; nextVersion: number },
): Promise<void> {
  await page.goto("/office/templates");
  await page.getByRole("link", { name: new RegExp(change.title) }).click();
  await expect(page.getByRole("heading", { level: 1, name: change.title })).toBeVisible();
  await page.getByRole("link", { name: /编辑新版本|继续编辑草稿/ }).click();

  await expect(page).toHaveURL(new RegExp(`/office/templates/${change.code}/edit$`));
  await page.getByRole("button", { name: new RegExp(`^${change.itemCode}`) }).click();
  await page.getByLabel("检查内容").fill(change.prompt);
  await page.getByRole("button", { name: "发布新版本…" }).click();

  const review = page.getByRole("region", {
    name: `发布第 ${change.nextVersion} 版前，请确认改动`,
  });
  await expect(review).toBeVisible();
  await expect(review.getByText(`${change.itemCode}：「检查内容」`)).toBeVisible();
  await review.getByRole("button", { name: `确认发布第 ${change.nextVersion} 版` }).click();

  await expect(page).toHaveURL(
    new RegExp(`/office/templates/${change.code}\\?version=${change.nextVersion}$`),
  );
  await expect(page.getByText(`第 ${change.nextVersion} 版（已发布）`)).toBeVisible();
  await expect(page.getByTestId(`item-${change.itemCode}`)).toContainText(change.prompt);
}

test.describe("checklist templates", () => {
  test("the office edits an item's prompt, reviews the change and publishes a new version", async ({
    page,
  }) => {
    await signIn(page, "office", /\/office$/);
    // Another spec may have published campus-safety already: work from whatever is newest now.
    const before = await latestVersion(page, "campus-safety");
    const oldPrompt = before.items.find((item) => item.code === "AQ-001")?.prompt;
    const newPrompt = `学校建立以校长为第一责任人的安全工作责任制，岗位安全职责明确到人（第 ${before.version + 1} 版）`;

    await publishPromptChange(page, {
      title: "校园安全检查",
      code: "campus-safety",
      itemCode: "AQ-001",
      prompt: newPrompt,
      nextVersion: before.version + 1,
    });

    // New visits get the new version; a visit pinned to the old one still gets it unchanged.
    const after = await latestVersion(page, "campus-safety");
    expect(after.version).toBe(before.version + 1);
    expect(after.items.find((item) => item.code === "AQ-001")?.prompt).toBe(newPrompt);
    const pinned = await pinnedVersion(page, "campus-safety", before.version);
    expect(pinned.items.find((item) => item.code === "AQ-001")?.prompt).toBe(oldPrompt);
  });

  test("a visit started on the old version keeps it after a new version is published; a new visit gets the new one", async ({
    browser,
  }) => {
    const inspector = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await inspector.newPage();
    await signIn(phone, "inspector2", /\/inspect$/);
    await expect(phone.getByText("城西小学", { exact: true })).toBeVisible();
    const oldVisitId = await startVisit(phone, "城西小学", "消防安全检查");
    const promptOf = (page: Page) => rows(page).filter({ hasText: "XF-001" }).locator("p").first();
    const oldPrompt = await promptOf(phone).textContent();

    const office = await browser.newContext();
    const desk = await office.newPage();
    await signIn(desk, "office", /\/office$/);
    const before = await latestVersion(desk, "fire");
    const newPrompt = `灭火器按场所危险等级配置，数量、类型符合规范要求（第 ${before.version + 1} 版）`;
    await publishPromptChange(desk, {
      title: "消防安全检查",
      code: "fire",
      itemCode: "XF-001",
      prompt: newPrompt,
      nextVersion: before.version + 1,
    });
    await office.close();

    // The phone downloads the new pack; the draft it already has stays on the version it pinned.
    await phone.goto("/inspect");
    await phone.getByRole("button", { name: "下载检查包" }).click();
    await expect(phone.getByRole("button", { name: "下载检查包" })).toBeEnabled();
    await phone.goto(`/inspect/visit?id=${oldVisitId}`);
    await expect(promptOf(phone)).toBeVisible();
    expect(await promptOf(phone).textContent()).toBe(oldPrompt);
    expect(oldPrompt).not.toContain(newPrompt);

    await phone.goto("/inspect");
    await startVisit(phone, "城西小学", "消防安全检查");
    await expect(promptOf(phone)).toContainText(newPrompt);
    await inspector.close();
  });

  test("the preview for a school says which items apply and why", async ({ page }) => {
    await signIn(page, "office", /\/office$/);
    await page.goto("/office/templates/school-bus");
    await page.getByLabel("为学校预览").selectOption({ label: "城东幼儿园" });
    await expect(page.getByRole("status")).toContainText(/适用 \d+ 项，不适用 \d+ 项/);
    await expect(
      page.getByText("不适用：仅适用于有校车的学校（本校无校车）").first(),
    ).toBeVisible();
  });
});
