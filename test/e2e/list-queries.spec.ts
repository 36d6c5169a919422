/**
 * Every list page reads its URL one way (lib/utils/search-params.ts readPageQuery): a filter or a
 * page cursor it cannot read — a hand-edited or stale link — shows why, in Chinese, in place of the
 * rows, never the unfiltered list as if it were filtered; 清除筛选 goes back to the whole list.
 * Set E2E_SCREENSHOTS_DIR to keep a screenshot of each.
 */
import path from "node:path";

import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./helpers";

/** A bad URL of each list page, and what the page says about it. */
const OFFICE_LISTS: { url: string; reason: RegExp }[] = [
  {
    url: "/office?month=2026-13",
    reason: /筛选条件无效：月份应为 2000-01 至 2099-12 之间的 YYYY-MM/,
  },
  { url: "/office/items?limit=0", reason: /筛选条件无效：每页至少 1 条/ },
  { url: "/office/items?after=not-a-cursor", reason: /分页参数无效，请从第一页重新查看/ },
  { url: "/office/notices?limit=abc", reason: /筛选条件无效：每页条数应为数字/ },
  { url: "/office/review?limit=0", reason: /筛选条件无效：每页至少 1 条/ },
  { url: "/office/visits?from=2026-02-30", reason: /筛选条件无效/ },
  {
    url: "/office/coverage?month=2026-13",
    reason: /筛选条件无效：月份应为 2000-01 至 2099-12 之间的 YYYY-MM/,
  },
  {
    url: "/office/ranking?month=13",
    reason: /筛选条件无效：月份应为 2000-01 至 2099-12 之间的 YYYY-MM/,
  },
  { url: "/office/audit?page=0", reason: /筛选条件无效：页码从 1 开始/ },
  { url: "/office/people?status=gone", reason: /筛选条件无效：状态只能是启用或停用/ },
  { url: "/office/schools?page=x", reason: /筛选条件无效/ },
];

async function expectRefusedThenCleared(page: Page, url: string, reason: RegExp): Promise<void> {
  await page.goto(url);
  const alert = page.getByRole("alert").filter({ hasText: reason });
  await expect(alert).toBeVisible();
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) {
    const name = url.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
    await page.screenshot({ path: path.join(dir, `invalid-${name}.png`), fullPage: true });
  }
  await alert.getByRole("link", { name: "清除筛选，查看全部" }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(url, "http://x").pathname}$`));
  await expect(page.getByRole("alert").filter({ hasText: /无效/ })).toHaveCount(0);
}

test("office lists: an unreadable filter or cursor is named, and 清除筛选 shows the whole list", async ({
  page,
}) => {
  test.slow();
  await signIn(page, "office", /\/office$/);
  for (const { url, reason } of OFFICE_LISTS) {
    await test.step(url, () => expectRefusedThenCleared(page, url, reason));
  }
  // A list that reads the URL shows the filtered rows, not the refusal, when it can.
  await page.goto("/office/people?status=active");
  await expect(page.getByRole("alert").filter({ hasText: /无效/ })).toHaveCount(0);
});

test("school lists: the same for the school's notices and items", async ({ page }) => {
  await signIn(page, "school01", /\/school$/);
  await expectRefusedThenCleared(page, "/school?before=abc", /分页参数无效/);
  await expectRefusedThenCleared(page, "/school/items?limit=500", /筛选条件无效：每页最多 200 条/);
});
