import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

test.describe("sign-in", () => {
  test("each role lands on its own surface", async ({ browser }) => {
    for (const [username, landing, heading] of [
      ["office", /\/office$/, "总览"],
      ["inspector1", /\/inspect$/, "我的学校"],
      ["school01", /\/school$/, "整改通知"],
    ] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, username, landing);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await context.close();
    }
  });

  test("a wrong password shows a Chinese error and creates no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("inspector2");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误" })).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name.includes("session_token"))).toBe(
      false,
    );
    await page.goto("/inspect");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a school account gets the 403 page on the office surface", async ({ page }) => {
    await signIn(page, "school02", /\/school$/);
    const response = await page.goto("/office");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "无权访问此页面" })).toBeVisible();
  });

  test("empty fields are explained before anything is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入用户名")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
  });
});
