/**
 * Issue #10: a routine visit covers what the district proposes, may leave items 未检查, marks the
 * rest of a section 符合 in one action, and is submitted offline; a draft can be abandoned without
 * the server ever receiving its queued changes, and a submitted one cannot.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";

import { signIn } from "./helpers";
import {
  addPhoto,
  answerPlainly,
  openE2eDatabase,
  readOutbox,
  renderedRowCount,
  rows,
  schoolCard,
  sign,
  syncUntilEmpty,
  waitForServiceWorker,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

const NINE_YEAR = "育才九年一贯制学校";

async function pdfText(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const parser = new PDFParse({ data: new Uint8Array(await response.body()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, "");
  } finally {
    await parser.destroy();
  }
}

/** The checklist's sections, in order (each holds its rows). */
function sections(page: Page): Locator {
  return page.locator("section[aria-label]").filter({ has: page.locator("li[data-item-key]") });
}

async function openStart(page: Page, schoolName: string): Promise<void> {
  const card = schoolCard(page, schoolName);
  await card.getByRole("link", { name: /^(开始检查|另开一次检查)$/ }).click();
  await expect(page).toHaveURL(/\/inspect\/start\?school=/);
}

async function serverRows<T>(sql: string, params: unknown[]): Promise<T[]> {
  const db = await openE2eDatabase();
  try {
    return (await db.query(sql, params)).rows as T[];
  } finally {
    await db.end();
  }
}

test("a routine visit at a 九年一贯制 school, partly checked, bulk 符合, submitted offline", async ({
  context,
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await expect(schoolCard(page, NINE_YEAR)).toBeVisible();
  await context.setOffline(true);

  // 挂牌督导 proposes the district's set (seeded: 校园安全检查 and 办学规范与大班额检查), nothing else.
  await openStart(page, NINE_YEAR);
  const scope = page.locator("fieldset").filter({ hasText: "检查范围" });
  // The proposal is applied once the school's checklists are read from the device.
  await expect(scope.getByRole("checkbox", { checked: true })).toHaveCount(2);
  const ticked = await scope
    .locator("label")
    .evaluateAll((labels) =>
      labels
        .filter((l) => l.querySelector<HTMLInputElement>("input")?.checked)
        .map((l) => l.textContent ?? ""),
    );
  expect(ticked).toHaveLength(2);
  expect(ticked.some((t) => t.startsWith("校园安全检查"))).toBe(true);
  expect(ticked.some((t) => t.startsWith("办学规范与大班额检查"))).toBe(true);
  // 复查 proposes none.
  await page.getByRole("button", { name: "复查/回访" }).click();
  await expect(scope.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await page.getByRole("button", { name: "挂牌督导" }).click();
  await expect(scope.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await page.getByRole("button", { name: "开始检查" }).click();
  await expect(page).toHaveURL(/\/inspect\/visit\?id=/);
  const visitId = new URL(page.url()).searchParams.get("id")!;
  const total = await renderedRowCount(page);

  // Two sections by hand, one finding among them.
  const first = sections(page).nth(0);
  const finding = first.locator("li[data-item-key]").first();
  await finding.getByRole("radio", { name: "不符合", exact: true }).click();
  await addPhoto(page, finding.locator('input[type="file"]').first(), finding, 31);
  await finding.getByRole("button", { name: "限期整改" }).click();
  const findingKey = (await finding.getAttribute("data-item-key"))!;
  for (const section of [first, sections(page).nth(1)]) {
    const open = section.locator('li[data-item-key][data-result="none"]');
    while ((await open.count()) > 0) {
      const key = await open.first().getAttribute("data-item-key");
      await answerPlainly(page, page.locator(`li[data-item-key="${key}"]`));
    }
  }

  // One section bulk-marked 符合: the confirmation names the count; undo, then again.
  const bulk = sections(page).nth(2);
  const bulkOpen = bulk.locator('li[data-item-key][data-result="none"]');
  const bulkCount = await bulkOpen.count();
  expect(bulkCount).toBeGreaterThan(0);
  await bulk.getByRole("button", { name: "本节其余项符合" }).click();
  const confirm = bulk.getByRole("group", { name: "确认本节其余项符合" });
  await expect(confirm).toContainText(/将本节其余未作答的 \d+ 项标为“符合”/);
  const marked = Number((await confirm.innerText()).match(/(\d+) 项/)![1]);
  expect(marked).toBeGreaterThan(0);
  await confirm.getByRole("button", { name: /确认标为符合/ }).click();
  await expect(bulk.getByRole("status")).toHaveText(/已将本节 \d+ 项标为符合/);
  await expect(bulkOpen).toHaveCount(bulkCount - marked);
  await bulk.getByRole("button", { name: "撤销" }).click();
  await expect(bulkOpen).toHaveCount(bulkCount);
  await bulk.getByRole("button", { name: "本节其余项符合" }).click();
  await bulk.getByRole("button", { name: /确认标为符合/ }).click();
  await expect(bulkOpen).toHaveCount(bulkCount - marked);
  const unchecked = await rows(page).and(page.locator('[data-result="none"]')).count();
  expect(unchecked).toBeGreaterThan(0);

  // Bulk 符合 takes no photos: an item that always asks for one still does.
  const photoOwed = bulk
    .locator('li[data-item-key][data-result="pass"]')
    .filter({ hasText: "本项须拍照取证" });
  for (let seed = 40; (await photoOwed.count()) > 0; seed++) {
    const key = await photoOwed.first().getAttribute("data-item-key");
    const row = page.locator(`li[data-item-key="${key}"]`);
    await addPhoto(page, row.locator('input[type="file"]').first(), row, seed);
  }

  // Submit with the rest 未检查: listed on the submit page; signatures under the account's name.
  await page.getByRole("button", { name: "签名提交" }).click();
  await expect(page.locator("[data-unchecked]")).toHaveAttribute(
    "data-unchecked",
    String(unchecked),
  );
  await expect(page.getByLabel("督学姓名")).toHaveValue("王建国");
  await page.getByLabel("同行督学（可选）").fill("陈立");
  await sign(page, page.getByRole("region", { name: "督学签名" }));
  await page.getByLabel("学校代表姓名").fill("郑华");
  await page.getByLabel("职务", { exact: true }).fill("校长");
  await sign(page, page.getByRole("region", { name: "学校代表签名" }));
  await expect(page.getByRole("heading", { name: /提交前还需完成/ })).toHaveCount(0);
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByRole("status").filter({ hasText: "检查已提交" })).toBeVisible();
  expect((await readOutbox(page)).pending.length).toBeGreaterThan(0);

  // A submitted visit cannot be abandoned.
  await page.goto("/inspect/visits");
  const card = page.locator(`[data-visit-id="${visitId}"]`);
  await expect(card).toBeVisible();
  await expect(card.getByRole("button", { name: "放弃草稿" })).toHaveCount(0);

  await context.setOffline(false);
  await syncUntilEmpty(page, visitId);

  const [visit] = await serverRows<{
    status: string;
    unchecked: { templateCode: string; itemCode: string }[];
    signatures: {
      inspector: { name: string; coInspectorName?: string };
      school: { name: string; title: string };
    };
  }>("SELECT status, unchecked, signatures FROM visits WHERE id = $1", [visitId]);
  expect(visit?.status).toBe("submitted");
  expect(visit?.unchecked).toHaveLength(unchecked);
  expect(visit?.signatures.inspector).toMatchObject({ name: "王建国", coInspectorName: "陈立" });
  expect(visit?.signatures.school).toMatchObject({ name: "郑华", title: "校长" });
  const items = await serverRows<{ item_code: string; template_code: string }>(
    "SELECT item_code, template_code FROM rectification_items WHERE visit_id = $1",
    [visitId],
  );
  expect(items.map((i) => `${i.template_code}/${i.item_code}`)).toEqual([findingKey]);
  const [notice] = await serverRows<{ id: string }>("SELECT id FROM notices WHERE visit_id = $1", [
    visitId,
  ]);
  const noticeText = await pdfText(page, `/api/notices/${notice!.id}/pdf`);
  expect(noticeText).toContain("督导检查发现问题整改的通知");
  const recordText = await pdfText(page, `/api/visits/${visitId}/record.pdf`);
  expect(recordText).toContain(`本次未检查${unchecked}项`);
  expect(recordText).toContain("王建国、陈立");
  expect(recordText).toContain("郑华（校长）");
  expect(total).toBeGreaterThan(unchecked);
});

test("abandoning a draft withdraws its queued changes: the server never receives them", async ({
  context,
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await expect(schoolCard(page, "城东第二小学")).toBeVisible();
  await context.setOffline(true);

  await openStart(page, "城东第二小学");
  await page.getByRole("button", { name: "开始检查" }).click();
  await expect(page).toHaveURL(/\/inspect\/visit\?id=/);
  const visitId = new URL(page.url()).searchParams.get("id")!;
  for (let i = 0; i < 3; i++) await answerPlainly(page, rows(page).nth(i));
  const queued = (await readOutbox(page)).pending;
  expect(queued.length).toBeGreaterThanOrEqual(4); // visit.start + 3 answers

  await page.goto("/inspect/visits");
  const card = page.locator(`[data-visit-id="${visitId}"]`);
  await card.getByRole("button", { name: "放弃草稿" }).click();
  const confirm = card.getByRole("group", { name: "确认放弃草稿" });
  await expect(confirm).toContainText(`尚未上传的 ${queued.length} 条更改`);
  await confirm.getByRole("button", { name: "确认放弃" }).click();
  await expect(card).toHaveCount(0);
  expect((await readOutbox(page)).pending.filter((id) => queued.includes(id))).toEqual([]);

  await context.setOffline(false);
  await page.goto("/inspect/sync");
  await page.getByRole("button", { name: "立即同步" }).click();
  await expect(page.locator("[data-sync-status]")).toHaveAttribute("data-sync-status", "idle", {
    timeout: 60_000,
  });
  expect(await serverRows("SELECT id FROM visits WHERE id = $1", [visitId])).toEqual([]);
  expect(
    await serverRows("SELECT id FROM processed_mutations WHERE id = ANY($1::uuid[])", [queued]),
  ).toEqual([]);
});
