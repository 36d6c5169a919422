/**
 * The offline page speaks to whoever uses the device: a school account that loses the network gets
 * a plain "needs the network" with 重试, not the inspector's wording or a way into the inspector app;
 * an inspector is pointed back to the offline inspector app.
 */
import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";
import { waitForServiceWorker } from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

test("a school user offline is told the page needs the network, nothing about inspections", async ({
  context,
  page,
}) => {
  await signIn(page, "school01", /\/school/);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto("/school/items");
  await expect(page.getByRole("heading", { name: "当前没有网络" })).toBeVisible();
  await expect(page.getByText("这个页面需要网络，请连接网络后重试")).toBeVisible();
  await expect(page.getByRole("button", { name: "重试" })).toBeVisible();
  await expect(page.getByRole("link", { name: "打开我的学校" })).toHaveCount(0);
  await expect(page.getByText("检查工作不受影响")).toHaveCount(0);
});

test("an inspector offline on a network-only page is pointed back to 我的学校", async ({
  context,
  page,
}) => {
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto("/login?offline-check");
  await expect(page.getByRole("heading", { name: "当前没有网络" })).toBeVisible();
  await page.getByRole("link", { name: "打开我的学校" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的学校" })).toBeVisible();
});
