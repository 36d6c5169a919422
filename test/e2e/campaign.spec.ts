/**
 * A 专项督查 end to end (issue #11): the office creates one for a 督学责任区; an inspector's phone
 * downloads the pack and lists the campaign's schools as due visits; starting one from there
 * pre-selects the campaign's checklists; the visit is done, synced, and the campaign shows it.
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";
import { finishAndSubmit, rows, syncUntilEmpty, waitForServiceWorker } from "./inspector-helpers";

test("the office's 专项督查 reaches the inspector's pack and counts the visit made for it", async ({
  browser,
}) => {
  // A whole visit answered through the UI on a shared machine takes minutes.
  test.setTimeout(600_000);
  const name = `消防专项 ${Date.now() % 100_000}`;

  // ── The office creates the campaign for 城东责任区 ──────────────────────────────────────────
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, "office", /\/office/);
  await office.getByRole("link", { name: "专项督查" }).first().click();
  await office.getByRole("link", { name: "新建专项督查" }).click();
  await office.getByLabel("专项名称").fill(name);
  await office.getByRole("group", { name: "检查表" }).getByLabel("消防安全检查").check();
  await office
    .getByRole("group", { name: /督学责任区/ })
    .getByLabel("城东责任区")
    .check();
  await office.getByRole("button", { name: "创建专项督查" }).click();
  await expect(office).toHaveURL(/\/office\/campaigns\/[0-9a-f-]{36}$/);
  await expect(office.getByRole("heading", { name })).toBeVisible();
  await expect(office.getByTestId("campaign-visited")).toHaveText("0");
  const targets = Number(await office.getByTestId("campaign-targets").innerText());
  expect(targets).toBeGreaterThan(0);

  // ── The inspector's phone downloads the pack and sees the campaign's schools as due ─────────
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, "inspector1", /\/inspect$/);
  await waitForServiceWorker(phone);
  await phone.getByRole("button", { name: "下载检查包" }).click();
  const due = phone.getByRole("region", { name: "专项督查" });
  const row = due.locator("li").filter({ hasText: "示范区实验小学" }).filter({ hasText: name });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(due.locator("li").filter({ hasText: name })).toHaveCount(targets);

  // Starting it from there makes a 专项督查 with the campaign's checklist already chosen.
  await row.getByRole("link", { name: "开始检查" }).click();
  await expect(phone).toHaveURL(/\/inspect\/start\?school=.*&campaign=/);
  await expect(phone.getByRole("button", { name: "专项督查" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const checklists = phone.locator("fieldset").filter({ hasText: "检查表" });
  await expect(checklists.getByRole("checkbox", { checked: true })).toHaveCount(1);
  await expect(
    checklists.locator("label").filter({ hasText: "消防安全检查" }).getByRole("checkbox"),
  ).toBeChecked();
  await phone.getByRole("button", { name: "开始检查" }).click();
  await expect(phone).toHaveURL(/\/inspect\/visit\?id=/);
  await expect(rows(phone).first()).toBeVisible();
  const visitId = new URL(phone.url()).searchParams.get("id")!;
  await finishAndSubmit(phone);
  await syncUntilEmpty(phone, visitId);

  // Back home, the school is no longer due for the campaign.
  await phone.goto("/inspect");
  await expect(
    phone.getByRole("region", { name: "专项督查" }).locator("li").filter({ hasText: name }),
  ).toHaveCount(targets - 1);

  // ── The office sees one school done ─────────────────────────────────────────────────────
  await office.reload();
  await expect(office.getByTestId("campaign-visited")).toHaveText("1");
  await expect(office.getByTestId("campaign-due")).toHaveText(String(targets - 1));
  const done = office.locator("tr").filter({ hasText: "示范区实验小学" });
  await expect(done).toContainText("已督查");

  // The visit is in the office's list under the campaign, and its page shows the record.
  await office.goto("/office/visits?kind=campaign");
  await office.locator("tr").filter({ hasText: name }).getByRole("link").first().click();
  await expect(office).toHaveURL(new RegExp(`/office/visits/${visitId}$`));
  await expect(office.getByText(`专项督查（${name}）`)).toBeVisible();
  await expect(office.getByRole("heading", { name: "检查明细" })).toBeVisible();

  await phoneContext.close();
  await officeContext.close();
});
