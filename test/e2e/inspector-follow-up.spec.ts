/**
 * A 复查 done offline in the inspector app: the school has answered two items (through the API, as
 * its own account), the inspector downloads the pack, cuts the network, opens a 复查 visit, passes
 * one item with an after-photo and returns the other with a reason, reloads (still offline: both
 * kept, waiting), and when the network returns both reach PostgreSQL with their events.
 */
import crypto from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";
import {
  schoolCard,
  makeJpeg,
  openE2eDatabase,
  readOutbox,
  sendWithAfterPhoto,
  syncUntilEmpty,
  waitForServiceWorker,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

const SCHOOL_NAME = "城东第二小学";
const SCHOOL_CODE = "S07";

type OpenItem = { id: string; status: string; version: number };

/** The school's open items that it may still answer, oldest first. */
async function answerableItems(): Promise<OpenItem[]> {
  const db = await openE2eDatabase();
  try {
    const { rows } = await db.query<OpenItem>(
      `SELECT i.id, i.status, i.version FROM rectification_items i
         JOIN schools s ON s.id = i.school_id
        WHERE s.code = $1 AND i.status IN ('pending', 'in_progress', 'returned')
        ORDER BY i.created_at, i.id`,
      [SCHOOL_CODE],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/** The school answers an item with one evidence photo, as its own signed-in account. */
async function respondAsSchool(page: Page, item: OpenItem, seed: number): Promise<void> {
  const jpeg = await makeJpeg(page, seed, 800, 600);
  const photoId = crypto.createHash("sha256").update(jpeg).digest("hex");
  const upload = await page.request.put(`/api/photos/${photoId}`, {
    data: jpeg,
    headers: { "content-type": "image/jpeg" },
  });
  expect(upload.ok()).toBe(true);
  const response = await page.request.post(`/api/rectification/items/${item.id}/actions`, {
    data: {
      action: { type: "respond", text: "已按通知要求完成整改，附整改后照片", photoIds: [photoId] },
      expectedVersion: item.version,
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

type ServerItem = {
  status: string;
  return_reason: string | null;
  after_photo_ids: string[];
  last_event: string;
  last_actor_role: string;
};

async function readServerItems(ids: readonly string[]): Promise<Map<string, ServerItem>> {
  const db = await openE2eDatabase();
  try {
    const { rows } = await db.query<ServerItem & { id: string }>(
      `SELECT i.id, i.status, i.return_reason, i.after_photo_ids,
              e.type AS last_event, e.actor_role AS last_actor_role
         FROM rectification_items i
         JOIN LATERAL (SELECT type, actor_role FROM rectification_events
                        WHERE item_id = i.id ORDER BY seq DESC LIMIT 1) e ON true
        WHERE i.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map(({ id, ...item }) => [id, item]));
  } finally {
    await db.end();
  }
}

test("a 复查 done offline passes one item and returns another, and both reach the server", async ({
  browser,
  context,
  page,
}) => {
  // The school answers two of its items, so they wait for review (待复查).
  const schoolContext = await browser.newContext();
  const schoolPage = await schoolContext.newPage();
  await signIn(schoolPage, "school07", /\/school$/);
  const [toPass, toReturn] = await answerableItems();
  expect(toPass && toReturn).toBeTruthy();
  await respondAsSchool(schoolPage, toPass!, 11);
  await respondAsSchool(schoolPage, toReturn!, 12);
  await schoolContext.close();

  // The inspector downloads the pack online, then loses the network.
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await expect(schoolCard(page, SCHOOL_NAME)).toBeVisible();
  await context.setOffline(true);

  const card = schoolCard(page, SCHOOL_NAME);
  await card.getByRole("link", { name: /^(开始检查|另开一次检查)$/ }).click();
  await expect(page).toHaveURL(/\/inspect\/start\?school=/);
  await page.getByRole("button", { name: "复查/回访" }).click();
  await page.getByRole("button", { name: "开始检查" }).click();
  await expect(page).toHaveURL(/\/inspect\/visit\?id=/);

  const panel = page.locator('details[aria-label="整改复查"]');
  await expect(panel).toHaveAttribute("open", "");
  await expect(panel.locator("summary")).toContainText("待复查 2 项");
  const passed = panel.locator(`li[data-follow-up-item="${toPass!.id}"]`);
  const returned = panel.locator(`li[data-follow-up-item="${toReturn!.id}"]`);
  await expect(passed).toHaveAttribute("data-status", "submitted");
  await expect(returned).toHaveAttribute("data-status", "submitted");
  // 待复查 items come first.
  const order = await panel
    .locator("li[data-follow-up-item]")
    .evaluateAll((items) => items.slice(0, 2).map((li) => li.getAttribute("data-status")));
  expect(order).toEqual(["submitted", "submitted"]);

  // 复查通过（销号） with a note and an after-photo.
  await passed.getByRole("button", { name: "复查通过（销号）" }).click();
  await sendWithAfterPhoto(page, passed, {
    label: "复查通过（销号）",
    note: "现场核实已整改到位",
    seed: 21,
    change: "状态：待复查 → 已销号",
  });
  await expect(passed).toHaveAttribute("data-status", "closed");
  await expect(passed.locator("[data-follow-up-pending]")).toContainText("复查通过（销号）");

  // 退回 needs a reason: the schema's Chinese message first, then the reason.
  await returned.getByRole("button", { name: "退回", exact: true }).click();
  const returnForm = returned.getByRole("form", { name: "退回" });
  await returnForm.getByRole("button", { name: "退回", exact: true }).click();
  await expect(returnForm.getByText("请填写退回理由")).toBeVisible();
  await returnForm.getByLabel("退回理由").fill("照片未显示整改后的全貌，请补充");
  await returnForm.getByRole("button", { name: "退回", exact: true }).click();
  const confirmReturn = returned.getByRole("group", { name: "确认退回" });
  await expect(confirmReturn).toContainText("状态：待复查 → 已退回");
  await confirmReturn.getByRole("button", { name: "确认退回" }).click();
  await expect(returned).toHaveAttribute("data-status", "returned");
  await expect(returned.locator("[data-follow-up-pending]")).toContainText("退回");

  const queued = await readOutbox(page);
  expect(queued.rejected).toEqual([]);

  // Reloaded offline, both actions are still on the phone, waiting.
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(passed).toHaveAttribute("data-status", "closed");
  await expect(returned).toHaveAttribute("data-status", "returned");
  await expect(passed.locator("[data-follow-up-pending]")).toBeVisible();
  await expect(returned.locator("[data-follow-up-pending]")).toBeVisible();
  expect((await readOutbox(page)).pending).toEqual(queued.pending);

  // Back online: the sync sends the photo, then the actions.
  await context.setOffline(false);
  await syncUntilEmpty(page);

  const server = await readServerItems([toPass!.id, toReturn!.id]);
  expect(server.get(toPass!.id)).toMatchObject({
    status: "closed",
    last_event: "verify_pass",
    last_actor_role: "inspector",
  });
  expect(server.get(toPass!.id)?.after_photo_ids).toHaveLength(1);
  expect(server.get(toReturn!.id)).toMatchObject({
    status: "returned",
    return_reason: "照片未显示整改后的全貌，请补充",
    last_event: "verify_return",
    last_actor_role: "inspector",
  });
});
