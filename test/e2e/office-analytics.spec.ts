/**
 * The office's analytics on the real server (demo seed): the dashboard filtered to a zone and a
 * domain survives a reload; a chart's 逾期 value opens the ledger filtered to it, and an overdue
 * item from there; a report that came on time shows 复查超时, not 逾期, and is returned with a new
 * deadline after a confirmation that shows the change; the month's 督导通报 downloads as a PDF
 * whose text carries the ranking. Set E2E_SCREENSHOTS_DIR to keep screenshots.
 */
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";
import { PDFParse } from "pdf-parse";

import { addDays, toChinaDate } from "@/lib/domain/dates";

import { signIn } from "./helpers";

const compact = (text: string) => text.replace(/\s+/g, "");

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test("office: filtered dashboard, overdue item from a chart, return with a new deadline, 通报 PDF", async ({
  page,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "office", /\/office$/);

  // ── Filter to 乡镇责任区 and 消防: the URL holds the filters, a reload keeps them ────────────
  await page
    .getByRole("combobox", { name: "责任区", exact: true })
    .selectOption({ label: "乡镇责任区" });
  await expect(page).toHaveURL(/zone=/);
  await page
    .getByRole("combobox", { name: "检查领域", exact: true })
    .selectOption({ label: "消防" });
  await expect(page).toHaveURL(/domain=fire/);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "责任区", exact: true })).toHaveValue(/.+/);
  await expect(page.getByRole("combobox", { name: "检查领域", exact: true })).toHaveValue("fire");
  const byDomain = page.getByRole("figure", { name: "按检查领域" });
  await expect(byDomain.locator("canvas")).toHaveCount(1);
  // Only the filtered domain is counted.
  await expect(byDomain.getByRole("rowheader")).toHaveText(["消防"]);
  await shot(page, "office-dashboard-filtered");

  // ── A chart's 逾期 value opens the ledger filtered to it ───────────────────────────────────
  await byDomain.getByRole("link", { name: /^消防 逾期 [1-9]\d*$/ }).click();
  await expect(page).toHaveURL(/\/office\/items\?.*domain=fire/);
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page).toHaveURL(/zone=/);
  const overdueItem = page.getByRole("link", { name: /室内消火栓箱内器材/ }).first();
  await overdueItem.click();
  await expect(page).toHaveURL(/\/office\/items\/[0-9a-f-]+$/);
  await expect(page.getByText(/^逾期 \d+ 天$/).first()).toBeVisible();
  await shot(page, "office-overdue-item");

  // ── A report that came on time waits past the 复查 time: 复查超时, not 逾期 ──────────────────
  await page.goto("/office/review");
  const onTime = page.getByRole("region", { name: /城西小学：/ });
  await expect(onTime.getByText(/^复查超时 \d+ 天$/)).toBeVisible();
  await expect(onTime.getByText(/^逾期 \d+ 天$/)).toHaveCount(0);
  await onTime.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/office\/items\/[0-9a-f-]+$/);

  // ── Return it with a new deadline: proposed by the policy, changed, confirmed ─────────────
  const today = toChinaDate(Date.now());
  await page.getByRole("button", { name: "退回", exact: true }).click();
  const form = page.getByRole("form", { name: "退回" });
  await expect(form.getByLabel("新的整改期限")).toHaveValue(addDays(today, 7));
  await form.getByLabel("退回理由").fill("台账缺少整改完成时间的佐证材料，请补充");
  const newDeadline = addDays(today, 10);
  await form.getByLabel("新的整改期限").fill(newDeadline);
  await form.getByRole("button", { name: "退回", exact: true }).click();
  const confirm = page.getByRole("group", { name: "确认退回" });
  await expect(confirm).toContainText("状态：待复查 → 已退回");
  await expect(confirm).toContainText(`→ ${newDeadline}`);
  await shot(page, "office-return-confirm");
  await confirm.getByRole("button", { name: "确认退回", exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: "已退回" });
  await expect(done).toContainText(`→ ${newDeadline}`);
  await expect(page.getByText(`${newDeadline}`).first()).toBeVisible();
  await shot(page, "office-returned");

  // ── The month's 督导通报 ──────────────────────────────────────────────────────────────────
  await page.goto("/office/ranking");
  await expect(page.getByRole("region", { name: "排名办法" })).toContainText("学校得分 = 100");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /督导通报（PDF）/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = await download.path();
  const bytes = await (await import("node:fs/promises")).readFile(file);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const text = compact((await parser.getText()).text);
  await parser.destroy();
  expect(text).toContain("督导情况的通报");
  expect(text).toContain("督学责任区排名");
  expect(text).toContain("城东责任区");
  await shot(page, "office-ranking");
});
