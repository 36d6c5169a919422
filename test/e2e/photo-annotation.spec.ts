/**
 * Annotating a finding photo on a phone with the network cut: an arrow and a label drawn on the
 * photo just taken, 完成, and the annotated copy is the item's evidence while the original stays on
 * the phone. After sync the server holds both with their relation, the 整改通知书 PDF prints the
 * copy, and the office opens the original from the visit page.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";

import { signIn } from "./helpers";
import {
  answerRestAndSign,
  makeJpeg,
  openE2eDatabase,
  readLocalVisit,
  rows,
  startOfflineVisit,
  syncUntilEmpty,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

const NOTE = "食堂操作间灭火器压力不足，已过检验期";
const LABEL = "灭火器过期";

/** Drags from one point to another of `target`, given as fractions of its box, with the mouse. */
async function drag(page: Page, target: Locator, from: [number, number], to: [number, number]) {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 8 });
  await page.mouse.up();
}

async function bytesOf(page: Page, url: string): Promise<Buffer> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return response.body();
}

test("an annotated finding photo is the evidence shown, synced and printed; the original is kept", async ({
  browser,
  context,
  page,
}) => {
  test.setTimeout(240_000);
  const visitId = await startOfflineVisit(page, context);
  const row = rows(page).nth(0);
  await row.getByRole("radio", { name: "不符合", exact: true }).click();
  await row
    .locator('input[type="file"]')
    .first()
    .setInputFiles({
      name: "canteen.jpg",
      mimeType: "image/jpeg",
      buffer: await makeJpeg(page, 7),
    });

  // The annotator opens on the photo just stored (its code loaded offline from the app's cache).
  const annotator = page.getByRole("dialog", { name: "标注照片" });
  await expect(annotator).toBeVisible({ timeout: 30_000 });
  const photo = annotator.getByLabel("照片，在上面画标注");
  const [original] = (await readLocalVisit(page, visitId)).photos;
  expect(original).toMatchObject({ originalId: null });
  await expect(annotator.getByRole("radio", { name: /箭头/ })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(annotator.getByRole("radio", { name: "红色" })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  await drag(page, photo, [0.2, 0.6], [0.5, 0.45]);
  await annotator.getByRole("radio", { name: /文字/ }).click();
  await photo.click({ position: { x: 40, y: ((await photo.boundingBox())!.height * 0.4) | 0 } });
  await annotator.getByLabel("标注文字").fill(LABEL);
  await annotator.getByRole("button", { name: "确定" }).click();
  // A slip of the finger draws nothing, and 撤销 takes back only the last mark.
  await annotator.getByRole("radio", { name: /圈出/ }).click();
  await drag(page, photo, [0.6, 0.3], [0.8, 0.5]);
  await annotator.getByRole("button", { name: "撤销" }).click();
  await page.screenshot({ path: test.info().outputPath("annotator.png") });
  await annotator.getByRole("button", { name: "完成" }).click();
  await expect(annotator).toBeHidden({ timeout: 30_000 });

  // The strip shows one photo: the annotated copy. The phone keeps both.
  const thumbs = row.locator("[data-photo-id]");
  await expect(thumbs).toHaveCount(1);
  await expect(thumbs.getByRole("img", { name: "检查照片（已标注）" })).toBeVisible();
  const copyId = (await thumbs.getAttribute("data-photo-id"))!;
  const local = await readLocalVisit(page, visitId);
  expect(local.photos).toEqual(
    expect.arrayContaining([
      { id: original!.id, uploadState: "pending", originalId: null },
      { id: copyId, uploadState: "pending", originalId: original!.id },
    ]),
  );
  await page.screenshot({ path: test.info().outputPath("strip.png") });

  // Annotating it again starts from the original with its marks; 取消 changes nothing.
  await row.getByRole("button", { name: "修改这张照片的标注" }).click();
  await expect(annotator.getByRole("button", { name: "撤销" })).toBeDisabled();
  await expect(annotator.getByRole("button", { name: "清除" })).toBeEnabled();
  await annotator.getByRole("button", { name: "取消" }).click();
  await expect(thumbs).toHaveAttribute("data-photo-id", copyId);

  await row.getByRole("button", { name: "限期整改" }).click();
  await row.getByLabel("问题描述").fill(NOTE);
  await answerRestAndSign(page);
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByRole("status").filter({ hasText: "检查已提交" })).toBeVisible();

  await context.setOffline(false);
  await page.getByRole("link", { name: "同步与存储" }).click();
  await syncUntilEmpty(page, visitId);

  const db = await openE2eDatabase();
  let noticeId: string;
  try {
    const stored = await db.query<{ id: string; original_id: string | null; shapes: unknown }>(
      `SELECT id, original_id, annotation_shapes AS shapes FROM photos
       WHERE id = ANY($1::text[]) ORDER BY original_id NULLS FIRST`,
      [[original!.id, copyId]],
    );
    expect(stored.rows).toEqual([
      { id: original!.id, original_id: null, shapes: null },
      {
        id: copyId,
        original_id: original!.id,
        shapes: [
          expect.objectContaining({ kind: "arrow", color: "red" }),
          expect.objectContaining({ kind: "text", text: LABEL, color: "red" }),
        ],
      },
    ]);
    const items = await db.query<{ photo_ids: string[] }>(
      "SELECT photo_ids FROM rectification_items WHERE visit_id = $1",
      [visitId],
    );
    expect(items.rows).toEqual([{ photo_ids: [copyId] }]);
    const notice = await db.query<{ id: string }>("SELECT id FROM notices WHERE visit_id = $1", [
      visitId,
    ]);
    noticeId = notice.rows[0]!.id;
  } finally {
    await db.end();
  }

  // The notice prints the copy: its thumbnail's JPEG bytes are embedded as they are, the original's are not.
  const pdf = await bytesOf(page, `/api/notices/${noticeId}/pdf`);
  const copyThumbnail = await bytesOf(page, `/api/photos/${copyId}/thumbnail`);
  const originalThumbnail = await bytesOf(page, `/api/photos/${original!.id}/thumbnail`);
  expect(pdf.includes(copyThumbnail)).toBe(true);
  expect(pdf.includes(originalThumbnail)).toBe(false);

  // The office sees the annotated photo and opens the original beside it.
  const officeContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const office = await officeContext.newPage();
  await signIn(office, "office", /\/office$/);
  await office.goto(`/office/visits/${visitId}`);
  const evidence = office.getByRole("img", { name: /照片（已标注）$/ });
  await expect(evidence).toBeVisible();
  await expect(evidence).toHaveAttribute("src", `/api/photos/${copyId}/thumbnail`);
  const originalLink = office.getByRole("link", { name: "查看原图" });
  await expect(originalLink).toHaveAttribute("href", `/api/photos/${original!.id}`);
  await originalLink.scrollIntoViewIfNeeded();
  await office.screenshot({ path: test.info().outputPath("office-visit.png") });
  expect((await office.request.get(`/api/photos/${original!.id}`)).status()).toBe(200);
  await officeContext.close();
});
