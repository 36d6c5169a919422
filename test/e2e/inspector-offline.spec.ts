/**
 * The product's promise, with the network really cut (context.setOffline): an inspector opens the
 * app from the service worker, does a whole visit with photos and signatures offline — closing the
 * page halfway — and everything reaches PostgreSQL exactly once when the network returns; repeated
 * network cuts during sync lose and duplicate nothing; server failures are retried, paused for
 * sign-in or shown as rejected, and the data is kept in every case.
 */
import { expect, test, type Page, type Route } from "@playwright/test";

import { signIn } from "./helpers";
import {
  addPhoto,
  answerPlainly,
  finishAndSubmit,
  readLocalVisit,
  readOutbox,
  readServerVisit,
  renderedRowCount,
  rows,
  schoolCard,
  startVisit,
  syncUntilEmpty,
  waitForServiceWorker,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

/** Checked after the network returns: what the server holds is what the phone made, once. */
async function expectOnServerExactlyOnce(
  page: Page,
  visitId: string,
  mutationIds: readonly string[],
) {
  const local = await readLocalVisit(page, visitId);
  const server = await readServerVisit(visitId, mutationIds);
  expect(server.visits).toHaveLength(1);
  expect(server.visits[0]?.status).toBe("submitted");
  expect(server.answers).toBe(local.answers);
  expect(server.photoIds).toEqual(local.photos.map((p) => p.id).sort());
  expect(new Set(server.appliedMutationIds)).toEqual(new Set(mutationIds));
  // The findings of the submit became 整改事项 and one notice — once, however often the push was retried.
  expect(server.notices).toBe(1);
  return { local, server };
}

/**
 * Fills the first rows of a visit: three findings with photos (one 立行立改 with an after-photo) and
 * one extra photo. Its seeds are its own: the same picture at the same school in the same minute
 * (the watermark's) is the same photo, already stored for another spec's visit.
 */
async function answerWithFindings(page: Page): Promise<void> {
  const first = rows(page).nth(0);
  await first.getByRole("radio", { name: "不符合", exact: true }).click();
  await addPhoto(page, first.locator('input[type="file"]').first(), first, 61);
  await first.getByRole("button", { name: "限期整改" }).click();
  await first.getByLabel("问题描述").fill("门卫室无外来人员登记簿");

  const second = rows(page).nth(1);
  await second.getByRole("radio", { name: "部分符合", exact: true }).click();
  await addPhoto(page, second.locator('input[type="file"]').first(), second, 62);
  await second.getByRole("button", { name: "限期整改" }).click();

  const third = rows(page).nth(2);
  await third.getByRole("radio", { name: "不符合", exact: true }).click();
  await addPhoto(page, third.locator('input[type="file"]').first(), third, 63);
  await third.getByRole("button", { name: "立行立改" }).click();
  await addPhoto(page, third.locator('input[type="file"]').nth(1), third, 64);

  const fourth = rows(page).nth(3);
  await fourth.getByRole("radio", { name: "符合", exact: true }).click();
  await fourth.getByRole("button", { name: "＋ 拍照" }).click();
  await addPhoto(page, fourth.locator('input[type="file"]').first(), fourth, 65);
}

test.describe("inspector app offline", () => {
  test("a visit done offline, closed halfway, reaches PostgreSQL exactly once when back online", async ({
    context,
    page,
  }) => {
    await signIn(page, "inspector1", /\/inspect$/);
    await waitForServiceWorker(page);
    await expect(schoolCard(page, "示范区实验小学")).toBeVisible();

    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole("heading", { level: 1, name: "我的学校" })).toBeVisible();
    await page.getByRole("button", { name: "下载检查包" }).click();
    await expect(page.getByRole("status").filter({ hasText: "下载检查包需要网络" })).toBeVisible();

    const visitId = await startVisit(page, "示范区实验小学");
    const total = await renderedRowCount(page);
    expect(total).toBeGreaterThanOrEqual(40);
    await answerWithFindings(page);
    for (let i = 4; i < 20; i++) await answerPlainly(page, rows(page).nth(i));
    await expect(page.getByLabel("已答检查项")).toHaveText(`已答 20/${total}`);

    // Close the tab halfway and open the visit again, still offline.
    await page.close();
    const reopened = await context.newPage();
    const response = await reopened.goto(`/inspect/visit?id=${visitId}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(reopened.getByLabel("已答检查项")).toHaveText(`已答 20/${total}`);
    await expect(rows(reopened).nth(0).getByLabel("问题描述")).toHaveValue(
      "门卫室无外来人员登记簿",
    );
    await expect(rows(reopened).nth(2).locator("[data-photo-id]")).toHaveCount(2);

    await finishAndSubmit(reopened);
    const offline = await readOutbox(reopened);
    const local = await readLocalVisit(reopened, visitId);
    expect(local).toMatchObject({ answers: total, status: "submitted" });
    expect(local.photos.length).toBeGreaterThanOrEqual(7); // 5 photos + 2 signatures
    expect(offline.pending.length).toBeGreaterThan(total);
    await expect(reopened.locator("[data-sync-status]")).toHaveAttribute(
      "data-sync-status",
      "offline",
    );

    await context.setOffline(false);
    await expect
      .poll(async () => (await readOutbox(reopened)).pending.length, { timeout: 60_000 })
      .toBe(0);
    await expect(reopened.locator("[data-sync-status]")).toHaveAttribute(
      "data-sync-status",
      "idle",
    );
    const { server } = await expectOnServerExactlyOnce(reopened, visitId, offline.pending);
    expect(server.rectificationItems).toBe(3);
    expect(server.visits[0]?.signatures.inspector?.photoId).toMatch(/^[0-9a-f]{64}$/);
    expect(server.visits[0]?.signatures.school?.photoId).toMatch(/^[0-9a-f]{64}$/);
  });

  test("with no network, the bottom navigation and the sync badge open every screen", async ({
    context,
    page,
  }) => {
    // The links do not prefetch (another route's code would compete with the screen opening):
    // offline, a tap falls back to the service worker's shell of the screen.
    await signIn(page, "inspector1", /\/inspect$/);
    await waitForServiceWorker(page);
    await expect(schoolCard(page, "示范区实验小学")).toBeVisible();
    await context.setOffline(true);
    const nav = page.getByRole("navigation", { name: "底部导航" });
    for (const [link, heading] of [
      ["检查记录", "检查记录"],
      ["同步与存储", "同步与存储"],
      ["我的学校", "我的学校"],
    ] as const) {
      await nav.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
    await page.locator("[data-sync-status]").click();
    await expect(page.getByRole("heading", { level: 1, name: "同步与存储" })).toBeVisible();
    await expect(page.locator("[data-sync-status]")).toHaveAttribute("data-sync-status", "offline");
  });

  test("20 network cuts during sync lose nothing and duplicate nothing", async ({
    context,
    page,
  }) => {
    await signIn(page, "inspector2", /\/inspect$/);
    await waitForServiceWorker(page);
    await expect(schoolCard(page, "城西小学")).toBeVisible();
    await context.setOffline(true);
    const visitId = await startVisit(page, "城西小学");
    await answerWithFindings(page);
    await finishAndSubmit(page);
    const { pending } = await readOutbox(page);

    // A seeded draw decides, request by request, until 20 cuts are made: cut before the server
    // sees it, cut after it answered (the answer is lost: the client must retry safely), or pass.
    let seed = 20_261_123;
    const draw = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    let cuts = 0;
    await context.route(/\/api\/(sync|photos|inspect)\//, async (route: Route) => {
      const roll = draw();
      if (cuts >= 20 || roll < 0.3) return route.continue();
      cuts += 1;
      if (roll < 0.65) return route.abort("connectionreset");
      await route.fetch();
      return route.abort("connectionreset");
    });

    await context.setOffline(false);
    await page.getByRole("link", { name: "同步与存储" }).click();
    await syncUntilEmpty(page, visitId);
    expect(cuts).toBe(20);
    const { server } = await expectOnServerExactlyOnce(page, visitId, pending);
    expect(server.rectificationItems).toBe(3);
  });

  test("500, then 401, then 422: retried, paused for sign-in, then shown as rejected — and kept", async ({
    context,
    page,
  }) => {
    await signIn(page, "inspector3", /\/inspect$/);
    await waitForServiceWorker(page);
    await expect(schoolCard(page, "李家村小学")).toBeVisible();
    let answer: { status: number; body: unknown } = { status: 500, body: { message: "内部错误" } };
    await context.route("**/api/sync/push", (route) =>
      route.fulfill({ status: answer.status, json: answer.body }),
    );

    const visitId = await startVisit(page, "李家村小学");
    for (let i = 0; i < 3; i++) await answerPlainly(page, rows(page).nth(i));
    await page.getByRole("link", { name: "同步与存储" }).click();
    const state = page.locator("[data-sync-state]");

    await page.getByRole("button", { name: "立即同步" }).click();
    await expect(state).toHaveAttribute("data-sync-state", "backoff");
    await expect(page.locator("[data-last-error]")).toContainText("HTTP 500");
    const kept = (await readOutbox(page)).pending;
    expect(kept).toHaveLength(4); // visit.start + 3 answers

    answer = { status: 401, body: { error: "unauthorized", message: "请先登录" } };
    await page.getByRole("button", { name: "立即同步" }).click();
    await expect(state).toHaveAttribute("data-sync-state", "needs-auth");
    await expect(page.getByRole("link", { name: "重新登录" }).first()).toBeVisible();
    expect((await readOutbox(page)).pending).toEqual(kept);

    answer = {
      status: 409,
      body: { error: "conflict", message: "检查表版本已停用，请联系督导室" },
    };
    await page.getByRole("button", { name: "立即同步" }).click();
    await expect(state).toHaveAttribute("data-sync-state", "has-rejections");
    const outbox = await readOutbox(page);
    expect(outbox.pending).toEqual([]);
    expect(outbox.rejected.map((r) => r.id)).toEqual(kept);
    expect(new Set(outbox.rejected.map((r) => JSON.stringify(r.refusal)))).toEqual(
      new Set([JSON.stringify({ code: "conflict", message: "检查表版本已停用，请联系督导室" })]),
    );

    await page.getByRole("link", { name: /条，去处理/ }).click();
    const conflicts = page.locator("[data-conflict-id]");
    await expect(conflicts).toHaveCount(4);
    await expect(conflicts.first().locator("[data-conflict-reason]")).toHaveText(
      "退回原因：检查表版本已停用，请联系督导室",
    );
    await expect(conflicts.first().locator("[data-conflict-reason]")).toHaveAttribute(
      "data-conflict-code",
      "conflict",
    );
    await expect(page.locator(`[data-visit-id="${visitId}"] [data-sync-line]`)).toContainText(
      "4 条更改被退回",
    );

    // The server is fine again: the inspector sends the visit's start again and it goes through.
    await context.unroute("**/api/sync/push");
    await conflicts.first().getByRole("button", { name: "重新提交" }).click();
    await expect(conflicts).toHaveCount(3);
    expect((await readOutbox(page)).rejected.map((r) => r.id)).toEqual(kept.slice(1));
  });
});
