import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./helpers";
import { downloadPack, schoolCard, rows, startVisit } from "./inspector-helpers";

type ApiTemplate = { code: string; version: number; items: { code: string; prompt: string }[] };

/** The version a new visit in the office's district gets. */
async function offeredVersion(page: Page, code: string): Promise<ApiTemplate> {
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

/** In the office UI: on the template's page, edit one item's prompt in a new version, review and publish it. */
async function publishPromptChange(
  page: Page,
  change: { code: string; itemCode: string; prompt: string; nextVersion: number; diff: boolean },
): Promise<void> {
  await page.goto(`/office/templates/${change.code}`);
  await page.getByRole("link", { name: /编辑新版本|继续编辑草稿/ }).click();
  await editAndPublish(page, change);
}

/** In the editor: change one item's prompt, review the change and publish it as `nextVersion`. */
async function editAndPublish(
  page: Page,
  change: { code: string; itemCode: string; prompt: string; nextVersion: number; diff: boolean },
): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/office/templates/${change.code}/edit$`));
  await page.getByRole("button", { name: new RegExp(`^${change.itemCode}`) }).click();
  await page.getByLabel("检查内容").fill(change.prompt);
  await page.getByRole("button", { name: "发布新版本…" }).click();

  const review = page.getByRole("region", {
    name: `发布第 ${change.nextVersion} 版前，请确认改动`,
  });
  await expect(review).toBeVisible();
  // A first version has nothing published to compare against.
  if (change.diff) await expect(review.getByText(`${change.itemCode}：「检查内容」`)).toBeVisible();
  await review.getByRole("button", { name: `确认发布第 ${change.nextVersion} 版` }).click();

  await expect(page).toHaveURL(
    new RegExp(`/office/templates/${change.code}\\?version=${change.nextVersion}$`),
  );
  await expect(page.getByText(`第 ${change.nextVersion} 版（当前版本）`)).toBeVisible();
  await expect(page.getByTestId(`item-${change.itemCode}`)).toContainText(change.prompt);
}

/** From the library's 本区清单: copy an adopted national template into the district's own draft. */
async function copyToDistrict(page: Page, code: string): Promise<void> {
  await page.goto("/office/templates");
  const ours = page.getByRole("region", { name: "本区清单" });
  await ours
    .getByTestId(`template-${code}`)
    .getByRole("button", { name: "复制为本区清单" })
    .click();
}

test.describe("checklist templates", () => {
  test("the office copies a national checklist, publishes its own versions, and the version list marks the current one", async ({
    page,
  }) => {
    await signIn(page, "office", /\/office$/);
    await page.goto("/office/templates");
    await expect(page.getByRole("region", { name: "本区清单" })).toBeVisible();
    await expect(page.getByRole("region", { name: "国家库" })).toBeVisible();

    // The national template is read-only: its page offers adoption actions, not editing.
    await page.goto("/office/templates/campus-safety");
    await expect(page.getByText(/国家库 · .* · 第 1 版（当前版本）/)).toBeVisible();
    await expect(page.getByRole("link", { name: "编辑新版本" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "复制为本区清单" })).toBeVisible();

    await copyToDistrict(page, "campus-safety");
    const first = "学校建立以校长为第一责任人的安全工作责任制，岗位安全职责明确到人（本区第 1 版）";
    await editAndPublish(page, {
      code: "campus-safety-demo",
      itemCode: "AQ-001",
      prompt: first,
      nextVersion: 1,
      diff: false,
    });
    const second =
      "学校建立以校长为第一责任人的安全工作责任制，岗位安全职责明确到人（本区第 2 版）";
    await publishPromptChange(page, {
      code: "campus-safety-demo",
      itemCode: "AQ-001",
      prompt: second,
      nextVersion: 2,
      diff: true,
    });

    await expect(page.getByTestId("version-2")).toContainText("当前版本");
    await expect(page.getByTestId("version-1")).toContainText("已被新版本取代");

    // New visits get v2; a visit pinned to v1 still gets v1 unchanged.
    const offered = await offeredVersion(page, "campus-safety-demo");
    expect(offered.version).toBe(2);
    expect(offered.items.find((item) => item.code === "AQ-001")?.prompt).toBe(second);
    const pinned = await pinnedVersion(page, "campus-safety-demo", 1);
    expect(pinned.items.find((item) => item.code === "AQ-001")?.prompt).toBe(first);
  });

  test("a visit started on the national version keeps it after the district switches to its own copy; a new visit gets the copy", async ({
    browser,
  }) => {
    // Two people in two browsers, each signing in, copying, publishing and starting two visits.
    test.slow();
    const inspector = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await inspector.newPage();
    await signIn(phone, "inspector2", /\/inspect$/);
    await expect(schoolCard(phone, "城西小学")).toBeVisible();
    const oldVisitId = await startVisit(phone, "城西小学", "消防安全检查");
    const promptOf = (page: Page) => rows(page).filter({ hasText: "XF-001" }).locator("p").first();
    const oldPrompt = await promptOf(phone).textContent();

    const office = await browser.newContext();
    const desk = await office.newPage();
    await signIn(desk, "office", /\/office$/);
    await copyToDistrict(desk, "fire");
    const newPrompt = "灭火器按场所危险等级配置，数量、类型符合规范要求（本区版）";
    await editAndPublish(desk, {
      code: "fire-demo",
      itemCode: "XF-001",
      prompt: newPrompt,
      nextVersion: 1,
      diff: false,
    });
    // The district stops using the national fire checklist: 停用 in 本区清单.
    await desk.goto("/office/templates");
    desk.once("dialog", (dialog) => void dialog.accept());
    await desk
      .getByRole("region", { name: "本区清单" })
      .getByTestId("template-fire")
      .getByRole("button", { name: "停用" })
      .click();
    await expect(
      desk.getByRole("region", { name: "国家库" }).getByTestId("template-fire"),
    ).toBeVisible();
    await office.close();

    // The phone downloads the new pack; the draft it already has stays on the version it pinned.
    await phone.goto("/inspect");
    await downloadPack(phone);
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
