import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./helpers";

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

test.describe("checklist templates", () => {
  test("the office edits an item's prompt, reviews the change and publishes a new version", async ({
    page,
  }) => {
    await signIn(page, "office", /\/office$/);
    // Another spec may have published campus-safety already: work from whatever is newest now.
    const before = await latestVersion(page, "campus-safety");
    const oldPrompt = before.items.find((item) => item.code === "AQ-001")?.prompt;
    const newPrompt = `学校建立以校长为第一责任人的安全工作责任制，岗位安全职责明确到人（第 ${before.version + 1} 版）`;

    await page.goto("/office/templates");
    await page.getByRole("link", { name: /校园安全检查/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "校园安全检查" })).toBeVisible();
    await page.getByRole("link", { name: /编辑新版本|继续编辑草稿/ }).click();

    await expect(page).toHaveURL(/\/office\/templates\/campus-safety\/edit$/);
    await page.getByRole("button", { name: /^AQ-001/ }).click();
    await page.getByLabel("检查内容").fill(newPrompt);
    await page.getByRole("button", { name: "发布新版本…" }).click();

    const review = page.getByRole("region", {
      name: `发布第 ${before.version + 1} 版前，请确认改动`,
    });
    await expect(review).toBeVisible();
    await expect(review.getByText("AQ-001：「检查内容」")).toBeVisible();
    await review.getByRole("button", { name: `确认发布第 ${before.version + 1} 版` }).click();

    await expect(page).toHaveURL(
      new RegExp(`/office/templates/campus-safety\\?version=${before.version + 1}$`),
    );
    await expect(page.getByText(`第 ${before.version + 1} 版（已发布）`)).toBeVisible();
    await expect(page.getByTestId("item-AQ-001")).toContainText(newPrompt);

    // New visits get the new version; a visit pinned to the old one still gets it unchanged.
    const after = await latestVersion(page, "campus-safety");
    expect(after.version).toBe(before.version + 1);
    expect(after.items.find((item) => item.code === "AQ-001")?.prompt).toBe(newPrompt);
    const pinned = await pinnedVersion(page, "campus-safety", before.version);
    expect(pinned.items.find((item) => item.code === "AQ-001")?.prompt).toBe(oldPrompt);
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
