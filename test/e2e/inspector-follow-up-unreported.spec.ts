/**
 * Issue #10's 复查 acceptance: a 复查 with no checklist, offline, at a school that has not reported
 * its items (待整改). The finding's photos show with no network (the pack's copies); the inspector
 * closes one item fixed since with an after-photo and returns another, each after a confirmation of
 * what it changes; reviews both on the submit page; syncs; and the office's timeline of each item
 * shows the on-site time beside the server's.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./helpers";
import {
  openE2eDatabase,
  readOutbox,
  schoolCard,
  sendWithAfterPhoto,
  syncUntilEmpty,
  waitForServiceWorker,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

type Unreported = { id: string; school_name: string; photo_ids: string[]; due_date: string };

const INSPECTOR = "inspector2";

/** Two 待整改 items with finding photos at one school of the inspector's (示范区第二中学 in the demo). */
async function unreportedItems(): Promise<[Unreported, Unreported]> {
  const db = await openE2eDatabase();
  try {
    const { rows } = await db.query<Unreported & { school_id: string }>(
      `SELECT i.id, i.school_id, s.name AS school_name, i.photo_ids, i.due_date::text AS due_date
         FROM rectification_items i
         JOIN schools s ON s.id = i.school_id
         JOIN zone_inspectors z ON z.zone_id = s.zone_id
         JOIN "user" u ON u.id = z.user_id
        WHERE u.username = $1 AND i.status = 'pending' AND jsonb_array_length(i.photo_ids) > 0
        ORDER BY s.code, i.created_at, i.id`,
      [INSPECTOR],
    );
    const pair = rows
      .map((row) => rows.filter((other) => other.school_id === row.school_id))
      .find((items) => items.length >= 2);
    if (!pair) throw new Error(`the demo has no school of ${INSPECTOR} with two 待整改 items`);
    return [pair[0]!, pair[1]!];
  } finally {
    await db.end();
  }
}

type ServerItem = {
  status: string;
  due_date: string | null;
  after_photo_ids: string[];
  last_event: string;
};

async function readServerItem(id: string): Promise<ServerItem | undefined> {
  const db = await openE2eDatabase();
  try {
    const { rows } = await db.query<ServerItem>(
      `SELECT i.status, i.due_date::text AS due_date, i.after_photo_ids, e.type AS last_event
         FROM rectification_items i
         JOIN LATERAL (SELECT type FROM rectification_events
                        WHERE item_id = i.id ORDER BY seq DESC LIMIT 1) e ON true
        WHERE i.id = $1`,
      [id],
    );
    return rows[0];
  } finally {
    await db.end();
  }
}

/** The thumbnails the phone keeps for offline use (the service worker's pack-photo cache). */
async function keptThumbnails(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open("pack-photos-v1");
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

/** Whether the image really loaded (a broken image has no natural size). */
async function isLoaded(image: Locator): Promise<boolean> {
  return image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
}

test("an offline 复查 closes one 待整改 item with an after-photo and returns another; the office sees both times", async ({
  browser,
  context,
  page,
}) => {
  // Online: the pack, and with it the finding photos' thumbnails, reach the phone.
  await signIn(page, INSPECTOR, /\/inspect$/);
  const [toClose, toReturn] = await unreportedItems();
  const schoolName = toClose.school_name;
  await waitForServiceWorker(page);
  await expect(schoolCard(page, schoolName)).toBeVisible();
  const findingPhotos = [...toClose.photo_ids, ...toReturn.photo_ids];
  await expect
    .poll(() => keptThumbnails(page), { timeout: 60_000 })
    .toEqual(expect.arrayContaining(findingPhotos.map((id) => `/api/photos/${id}/thumbnail`)));

  await context.setOffline(true);
  const card = schoolCard(page, schoolName);
  await card.getByRole("link", { name: /^(开始检查|另开一次检查)$/ }).click();
  await expect(page).toHaveURL(/\/inspect\/start\?school=/);
  await page.getByRole("button", { name: "复查/回访" }).click();
  await page.getByRole("button", { name: "开始检查" }).click();
  await expect(page).toHaveURL(/\/inspect\/visit\?id=/);

  // No checklist: the 复查 is the open items.
  const panel = page.locator('details[aria-label="整改复查"]');
  await expect(panel).toHaveAttribute("open", "");
  await expect(page.locator("[data-item-key]")).toHaveCount(0);
  const closing = panel.locator(`li[data-follow-up-item="${toClose.id}"]`);
  const returning = panel.locator(`li[data-follow-up-item="${toReturn.id}"]`);
  await expect(closing).toHaveAttribute("data-status", "pending");
  await expect(returning).toHaveAttribute("data-status", "pending");

  // The finding's photo shows with no network.
  const findingPhoto = closing.getByRole("img", { name: "检查照片（整改前） 1" });
  await findingPhoto.scrollIntoViewIfNeeded();
  await expect.poll(() => isLoaded(findingPhoto)).toBe(true);

  // 现场核实已整改（销号）: the after-photo is required.
  await closing.getByRole("button", { name: "现场核实已整改（销号）" }).click();
  const closeForm = closing.getByRole("form", { name: "现场核实已整改（销号）" });
  await closeForm.getByRole("button", { name: "现场核实已整改（销号）" }).click();
  await expect(closeForm.getByText("现场核实销号须至少拍 1 张整改后照片")).toBeVisible();
  await sendWithAfterPhoto(page, closing, {
    label: "现场核实已整改（销号）",
    note: "现场核实已整改到位",
    seed: 31,
    change: "状态：待整改 → 已销号",
  });
  await expect(closing).toHaveAttribute("data-status", "closed");
  await expect(closing.locator("[data-follow-up-pending]")).toContainText("现场核实已整改（销号）");
  // The after-photo shows too, before it is uploaded.
  const afterPhoto = closing.getByRole("img", { name: "整改后照片（督学） 1" });
  await expect.poll(() => isLoaded(afterPhoto)).toBe(true);

  // 退回: a reason and the policy's new deadline, confirmed before → after.
  await returning.getByRole("button", { name: "退回", exact: true }).click();
  const returnForm = returning.getByRole("form", { name: "退回" });
  await returnForm.getByLabel("退回理由").fill("灭火器仍未更换，请尽快整改");
  // The policy's date, but never less time than the school already has; the inspector gives a week more.
  const proposed = await returnForm.getByLabel("新的整改期限").inputValue();
  expect(proposed >= toReturn.due_date).toBe(true);
  const newDueDate = new Date(Date.parse(`${proposed}T00:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await returnForm.getByLabel("新的整改期限").fill(newDueDate);
  await returnForm.getByRole("button", { name: "退回", exact: true }).click();
  const confirmReturn = returning.getByRole("group", { name: "确认退回" });
  await expect(confirmReturn).toContainText("状态：待整改 → 已退回");
  await expect(confirmReturn).toContainText(`整改期限：${toReturn.due_date} → ${newDueDate}`);
  await confirmReturn.getByRole("button", { name: "确认退回" }).click();
  await expect(returning).toHaveAttribute("data-status", "returned");

  // Both listed for review on the submit page, still offline.
  await page
    .getByRole("button", { name: /签名提交|填写小结、签名并提交/ })
    .first()
    .click();
  const review = page.getByRole("region", { name: /本次复查的处理/ });
  await expect(review).toContainText("本次复查的处理 2 项");
  const reviewedClose = review.locator(`[data-follow-up-reviewed="${toClose.id}"]`);
  await expect(reviewedClose).toContainText("现场核实已整改（销号）");
  await expect(reviewedClose).toContainText("现场核实照片 1 张");
  const reviewedReturn = review.locator(`[data-follow-up-reviewed="${toReturn.id}"]`);
  await expect(reviewedReturn).toContainText("理由：灭火器仍未更换，请尽快整改");
  await expect(reviewedReturn).toContainText(`新的整改期限：${newDueDate}`);
  expect((await readOutbox(page)).rejected).toEqual([]);

  // Back online: the photo, then both decisions reach the server.
  await context.setOffline(false);
  await syncUntilEmpty(page);
  expect(await readServerItem(toClose.id)).toMatchObject({
    status: "closed",
    last_event: "verify_on_site",
  });
  expect((await readServerItem(toClose.id))?.after_photo_ids).toHaveLength(1);
  expect(await readServerItem(toReturn.id)).toMatchObject({
    status: "returned",
    due_date: newDueDate,
    last_event: "verify_return",
  });

  // The office's timeline: what was done, on site when, and when the server got it.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, "office", /\/office$/);
  for (const [id, title] of [
    [toClose.id, "现场核实已整改（销号）"],
    [toReturn.id, "退回"],
  ] as const) {
    await office.goto(`/office/items/${id}`);
    const timeline = office.getByRole("list", { name: "处理记录" });
    const step = timeline.locator(":scope > li").filter({ hasText: title }).last();
    await expect(step).toContainText(/现场 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(step).toContainText(/服务器 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  }
  await officeContext.close();
});
