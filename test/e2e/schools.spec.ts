/**
 * The office's school register in Chromium against the demo: search and filter the list, import a
 * CSV whose bad row is named by row and column (nothing imported) and then the fixed file, edit a
 * school and deactivate it with a confirmation.
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";
import { csvOf, schoolRows } from "../helpers/school-sheet";

test("the office searches, imports, edits and deactivates schools", async ({ page }) => {
  await signIn(page, "office", /\/office$/);
  await page.goto("/office/schools");
  await expect(page.getByText("共 30 所")).toBeVisible();

  await page.getByLabel("搜索").fill("实验小学");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("link", { name: "示范区实验小学" })).toBeVisible();
  await expect(page.getByText("共 30 所")).toBeHidden();

  // An import with one bad row: the preview names the row and the column; nothing is imported.
  await page.goto("/office/schools");
  await page.getByRole("link", { name: "批量导入" }).click();
  await expect(page.getByRole("link", { name: "下载导入模板（.xlsx）" })).toBeVisible();
  const rows = schoolRows(3, { prefix: "E2E", zone: () => "城东责任区" });
  const bad = rows.map((r, i) => r.map((c, j) => (i === 1 && j === 2 ? "初级中学" : c)));
  await page.getByLabel("选择 Excel（.xlsx）或 CSV 文件").setInputFiles({
    name: "学校.csv",
    mimeType: "text/csv",
    buffer: csvOf(bad),
  });
  const errors = page.getByRole("table");
  await expect(errors).toContainText("第 3 行");
  await expect(errors).toContainText("学段");
  await expect(errors).toContainText("无法识别的学段“初级中学”");
  await expect(page.getByRole("button", { name: "确认导入" })).toBeHidden();

  await page.getByLabel("选择 Excel（.xlsx）或 CSV 文件").setInputFiles({
    name: "学校.csv",
    mimeType: "text/csv",
    buffer: csvOf(rows),
  });
  await expect(page.getByText("检查通过：共 3 所学校，将新增 3 所，更新 0 所")).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成：共 3 所，新增 3 所，更新 0 所。")).toBeVisible();
  await page.getByRole("link", { name: "查看学校名单" }).click();
  await expect(page.getByText("共 33 所")).toBeVisible();

  // Edit: the schema's Chinese message on a bad value, then a saved change.
  await page.getByRole("link", { name: "测试第2学校" }).click();
  await page.getByLabel("学生数").fill("-5");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("学生数不能为负")).toBeVisible();
  await page.getByLabel("学生数").fill("480");
  await page.getByLabel("寄宿制").check();
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存。");

  // Another zone: moved at once, and the move is in the audit log.
  const zone = page.getByLabel("测试第2学校的督学责任区");
  await expect(zone.locator("option:checked")).toHaveText("城东责任区");
  await zone.selectOption({ label: "城西责任区" });
  await expect(zone.locator("option:checked")).toHaveText("城西责任区");
  await page.reload();
  await expect(page.getByLabel("测试第2学校的督学责任区").locator("option:checked")).toHaveText(
    "城西责任区",
  );
  const schoolPage = page.url();
  await page.goto("/office/audit");
  await expect(
    page.getByRole("row").filter({ hasText: "调整学校责任区" }).filter({ hasText: "测试第2学校" }),
  ).toBeVisible();
  await page.goto(schoolPage);

  // Deactivate: asked first; the school stays, marked 已停用.
  await page.getByRole("button", { name: "停用学校" }).click();
  await expect(page.getByText("已有的检查记录、整改事项和通知书全部保留")).toBeVisible();
  await page.getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();
  await page.goto("/office/schools?active=false");
  await expect(page.getByText("共 1 所")).toBeVisible();
  await expect(page.getByRole("link", { name: "测试第2学校" })).toBeVisible();
});
