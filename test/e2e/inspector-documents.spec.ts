/**
 * What the inspector sees of the documents a visit produces: before submitting, with the network
 * cut, the 整改通知书 and the 督导检查记录 previewed from the phone's own data; right after the visit
 * syncs, its notice number, and the notice and the record opened as the server's PDFs.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";

import {
  addPhoto,
  answerRestAndSign,
  readOutbox,
  rows,
  startOfflineVisit,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

const NOTE = "门卫室无外来人员登记簿，值守人员𠀀某称已停用";

async function pdfText(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(await response.body()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, "");
  } finally {
    await parser.destroy();
  }
}

/** Opens a link that targets a new tab; returns the URL the tab opened. */
async function openedUrl(page: Page, within: Locator, name: string): Promise<string> {
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    within.getByRole("link", { name }).click(),
  ]);
  const url = popup.url();
  await popup.close();
  return url;
}

test("the inspector previews the notice and the record offline, then opens them after sync", async ({
  context,
  page,
}) => {
  // A whole 校园安全检查 answered through the UI, offline, then synced.
  test.setTimeout(300_000);
  const visitId = await startOfflineVisit(page, context);
  const first = rows(page).nth(0);
  await first.getByRole("radio", { name: "不符合", exact: true }).click();
  await addPhoto(page, first.locator('input[type="file"]').first(), first, 1);
  await first.getByRole("button", { name: "限期整改" }).click();
  await first.getByLabel("问题描述").fill(NOTE);
  await answerRestAndSign(page);

  // Offline, before submitting: both documents from the phone's own data.
  await page.getByRole("button", { name: "预览整改通知书" }).click();
  const notice = page.getByRole("article", { name: "整改通知书 预览" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("note")).toContainText("预览");
  await expect(notice).toContainText("示范区人民政府教育督导室");
  await expect(notice).toContainText("（文号提交后生成）");
  await expect(notice).toContainText("示范区实验小学：");
  await expect(notice).toContainText(NOTE);
  await expect(notice).not.toContainText("是否");
  await expect(notice.getByRole("img", { name: "督学签名" })).toBeVisible();
  await expect(notice.getByRole("img", { name: /^1-1 / })).toHaveAttribute("src", /^blob:/);
  await page.screenshot({ path: test.info().outputPath("notice-preview.png"), fullPage: true });

  await page.getByRole("button", { name: "← 返回提交页" }).click();
  await page.getByRole("button", { name: "预览检查记录" }).click();
  const record = page.getByRole("article", { name: /^督导检查记录 示范区实验小学/ });
  await expect(record).toBeVisible();
  await expect(record).toContainText("发现的问题（1个）");
  await expect(record).toContainText("《校园安全检查》第");
  await expect(record).toContainText("赵明（校长）");
  await expect(record).toContainText(NOTE);
  await page.screenshot({ path: test.info().outputPath("record-preview.png"), fullPage: true });

  await page.getByRole("button", { name: "← 返回提交页" }).click();
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByRole("status").filter({ hasText: "检查已提交" })).toBeVisible();

  // Back online: once the visit has synced, its number shows and both documents open.
  await context.setOffline(false);
  await expect
    .poll(async () => (await readOutbox(page)).pending.length, { timeout: 90_000 })
    .toBe(0);
  await page.goto("/inspect/visits");
  const card = page.locator(`[data-visit-id="${visitId}"]`);
  await expect(card.locator("[data-notice-number]")).toHaveText(/^示范督改〔\d{4}〕第\d+号$/, {
    timeout: 30_000,
  });
  const number = await card.locator("[data-notice-number]").innerText();
  await page.screenshot({ path: test.info().outputPath("visits.png"), fullPage: true });

  const noticeUrl = await openedUrl(page, card, "查看整改通知书");
  expect(new URL(noticeUrl).pathname).toMatch(/^\/api\/notices\/[0-9a-f-]{36}\/pdf$/);
  const noticeText = await pdfText(page, noticeUrl);
  expect(noticeText).toContain(number);
  expect(noticeText).toContain(NOTE.replace(/\s+/g, ""));
  expect(noticeText).not.toContain("是否");

  const recordUrl = await openedUrl(page, card, "查看检查记录");
  expect(new URL(recordUrl).pathname).toBe(`/api/visits/${visitId}/record.pdf`);
  const recordText = await pdfText(page, recordUrl);
  expect(recordText).toContain("督导检查记录");
  expect(recordText).toContain(number);
  expect(recordText).toContain("赵明（校长）");
});
