/**
 * Shared steps of the inspector e2e specs: real JPEGs made by the browser's encoder, a visit filled
 * in through the UI, signatures drawn with the mouse, the phone's IndexedDB read directly, and the
 * e2e server's PostgreSQL opened directly (no test-only endpoints in the app).
 */
import fs from "node:fs/promises";
import path from "node:path";

import { type BrowserContext, expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";

import { signIn } from "./helpers";
import { E2E_DATA_DIR, E2E_PG_PORT } from "../../playwright.config";

/** A distinct camera-like JPEG (noise seeded by `seed`), encoded by the browser, as bytes. */
export async function makeJpeg(
  page: Page,
  seed: number,
  width = 2400,
  height = 1800,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ seed, width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext("2d")!;
      let state = seed;
      const random = () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
      };
      ctx.fillStyle = `hsl(${Math.floor(random() * 360)}, 40%, 60%)`;
      ctx.fillRect(0, 0, width, height);
      for (let i = 0; i < 120; i++) {
        ctx.fillStyle = `hsl(${Math.floor(random() * 360)}, 50%, ${30 + Math.floor(random() * 50)}%)`;
        ctx.fillRect(random() * width, random() * height, 40 + random() * 300, 40 + random() * 300);
      }
      const blob = await new Promise<Blob>((resolve) =>
        canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.92),
      );
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { seed, width, height },
  );
  return Buffer.from(base64, "base64");
}

/**
 * Picks a JPEG through a row's camera input and waits until its thumbnail shows. A finding photo
 * opens the annotator next, which this skips (photo-annotation.spec.ts draws on it).
 */
export async function addPhoto(
  page: Page,
  input: Locator,
  container: Locator,
  seed: number,
): Promise<void> {
  const before = await container.locator("[data-photo-id]").count();
  await input.setInputFiles({
    name: `photo-${seed}.jpg`,
    mimeType: "image/jpeg",
    buffer: await makeJpeg(page, seed),
  });
  await expect(container.locator("[data-photo-id]")).toHaveCount(before + 1, { timeout: 30_000 });
  // The strip says 处理中 until the annotator, if it opens, is closed.
  const annotator = page.getByRole("dialog", { name: "标注照片" });
  const busy = container.getByText(/^＋?处理中/);
  await expect
    .poll(async () => (await annotator.isVisible()) || (await busy.count()) === 0)
    .toBe(true);
  if (await annotator.isVisible()) {
    await annotator.getByRole("button", { name: "跳过" }).click();
    await expect(annotator).toBeHidden();
  }
}

/** Waits until the service worker controls the page (it claims clients on first install). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
}

export type OutboxSnapshot = {
  pending: string[];
  rejected: { id: string; refusal: { code: string; message: string } | null }[];
};
export type LocalVisit = {
  answers: number;
  /** `originalId`: the photo an annotated copy was drawn on (null for photos not annotated). */
  photos: { id: string; uploadState: string; originalId: string | null }[];
  status: string | null;
};

/** When the server made the visit pack now on the phone (IndexedDB meta), or null before the first. */
function packGeneratedAt(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open("duxue");
        open.onerror = () => reject(new Error(`IndexedDB: ${String(open.error)}`));
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction("meta").objectStore("meta").get("packGeneratedAt");
          read.onerror = () => reject(new Error(`IndexedDB: ${String(read.error)}`));
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { value: number } | undefined)?.value ?? null);
          };
        };
      }),
  );
}

/**
 * Taps 下载检查包 on the schools screen and waits until a new pack is on the phone (the button's
 * own state can read "done" before the tap has even started the download).
 */
export async function downloadPack(page: Page): Promise<void> {
  const before = await packGeneratedAt(page);
  await page.getByRole("button", { name: "下载检查包" }).click();
  await expect.poll(() => packGeneratedAt(page), { timeout: 60_000 }).not.toBe(before);
}

/** The phone's outbox and one visit's records, read straight from IndexedDB in one transaction. */
function readPhone(
  page: Page,
  visitId: string,
): Promise<{ outbox: OutboxSnapshot; visit: LocalVisit }> {
  return page.evaluate(
    (id) =>
      new Promise<{ outbox: OutboxSnapshot; visit: LocalVisit }>((resolve, reject) => {
        const fail = (error: DOMException | null) =>
          reject(new Error(`IndexedDB: ${String(error)}`));
        const open = indexedDB.open("duxue");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["outbox", "answers", "photos", "visits"]);
          const outbox = tx.objectStore("outbox").getAll();
          const answers = tx.objectStore("answers").index("byVisitId").count(id);
          const photos = tx.objectStore("photos").index("byVisitId").getAll(id);
          const visit = tx.objectStore("visits").get(id);
          tx.onerror = () => fail(tx.error);
          tx.oncomplete = () => {
            db.close();
            const records = outbox.result as {
              mutation: { id: string };
              status: string;
              refusal: { code: string; message: string } | null;
            }[];
            resolve({
              outbox: {
                pending: records.filter((r) => r.status === "pending").map((r) => r.mutation.id),
                rejected: records
                  .filter((r) => r.status === "rejected")
                  .map((r) => ({ id: r.mutation.id, refusal: r.refusal })),
              },
              visit: {
                answers: answers.result,
                photos: (
                  photos.result as {
                    meta: { id: string; annotation?: { originalId: string } };
                    uploadState: string;
                  }[]
                ).map((p) => ({
                  id: p.meta.id,
                  uploadState: p.uploadState,
                  originalId: p.meta.annotation?.originalId ?? null,
                })),
                status: (visit.result as { status: string } | undefined)?.status ?? null,
              },
            });
          };
        };
      }),
    visitId,
  );
}

/** The phone's outbox, in the order the edits were made. */
export async function readOutbox(page: Page): Promise<OutboxSnapshot> {
  return (await readPhone(page, "")).outbox;
}

/** One visit as stored on the phone: how many answers and photos, and its status. */
export async function readLocalVisit(page: Page, visitId: string): Promise<LocalVisit> {
  return (await readPhone(page, visitId)).visit;
}

/** The e2e server's embedded PostgreSQL, read directly (its password is in DATA_DIR/pg.password). */
export async function openE2eDatabase(): Promise<pg.Client> {
  const password = (await fs.readFile(path.join(E2E_DATA_DIR, "pg.password"), "utf8")).trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: E2E_PG_PORT,
    user: "postgres",
    password,
    database: "duxue",
  });
  await client.connect();
  return client;
}

export type ServerVisit = {
  visits: {
    status: string;
    signatures: { inspector: { photoId: string } | null; school: { photoId: string } | null };
  }[];
  answers: number;
  photoIds: string[];
  rectificationItems: number;
  notices: number;
  appliedMutationIds: string[];
};

/** Everything the server holds for one visit, and which of `mutationIds` it has applied. */
export async function readServerVisit(
  visitId: string,
  mutationIds: readonly string[],
): Promise<ServerVisit> {
  const db = await openE2eDatabase();
  try {
    const count = async (sql: string) =>
      Number((await db.query<{ n: string }>(sql, [visitId])).rows[0]?.n);
    const visits = await db.query<ServerVisit["visits"][number]>(
      "SELECT status, signatures FROM visits WHERE id = $1",
      [visitId],
    );
    const photos = await db.query<{ id: string }>(
      "SELECT id FROM photos WHERE visit_id = $1 ORDER BY id",
      [visitId],
    );
    const applied = await db.query<{ id: string }>(
      "SELECT id FROM processed_mutations WHERE id = ANY($1::uuid[])",
      [[...mutationIds]],
    );
    return {
      visits: visits.rows,
      answers: await count("SELECT count(*) AS n FROM visit_answers WHERE visit_id = $1"),
      photoIds: photos.rows.map((r) => r.id),
      rectificationItems: await count(
        "SELECT count(*) AS n FROM rectification_items WHERE visit_id = $1",
      ),
      notices: await count("SELECT count(*) AS n FROM notices WHERE visit_id = $1"),
      appliedMutationIds: applied.rows.map((r) => r.id),
    };
  } finally {
    await db.end();
  }
}

/** The checklist rows on screen. */
export function rows(page: Page): Locator {
  return page.locator("li[data-item-key]");
}

/**
 * The visit's item count, once every row is on screen: rows render a section at a time, so the
 * total is the progress line's (已答 n/total).
 */
export async function renderedRowCount(page: Page): Promise<number> {
  await expect(rows(page).first()).toBeVisible();
  const progress = await page.getByLabel("已答检查项").innerText();
  const total = Number(progress.match(/\/(\d+)/)![1]);
  await expect(rows(page)).toHaveCount(total);
  return total;
}

let nextSeed = 100;

/**
 * Marks a row 符合 (judgement items) or 不适用 (number, choice and text items, whose rule we do not
 * know here), and takes the photo an item always asks for.
 */
export async function answerPlainly(page: Page, row: Locator): Promise<void> {
  // count() does not wait: the row must be on screen before we ask what it offers.
  await expect(row).toBeVisible();
  const pass = row.getByRole("radio", { name: "符合", exact: true });
  if ((await pass.count()) > 0) await pass.click();
  else await row.getByRole("button", { name: "不适用", exact: true }).click();
  await expect(row).not.toHaveAttribute("data-result", "none");
  if ((await row.getByText("本项须拍照取证").count()) > 0) {
    await addPhoto(page, row.locator('input[type="file"]').first(), row, nextSeed++);
  }
}

/** The card of `schoolName` in 我的学校's list of all schools (the 待督导 card names schools too). */
export function schoolCard(page: Page, schoolName: string): Locator {
  return page
    .getByRole("list", { name: "全部学校" })
    .getByRole("listitem")
    .filter({ has: page.getByText(schoolName, { exact: true }) });
}

/** Starts a visit of `schoolName` with only the checklist titled `templateTitle`, from 我的学校; returns its id. */
export async function startVisit(
  page: Page,
  schoolName: string,
  templateTitle = "校园安全检查",
): Promise<string> {
  const card = schoolCard(page, schoolName);
  // A draft left on the server by an earlier run against the same database offers 另开一次检查.
  await card.getByRole("link", { name: /^(开始检查|另开一次检查)$/ }).click();
  await expect(page).toHaveURL(/\/inspect\/start\?school=/);
  const templates = page.locator("fieldset").filter({ hasText: "检查表" });
  await expect(templates.getByRole("checkbox").first()).toBeVisible();
  for (const box of await templates.getByRole("checkbox").all()) {
    const label = await box.locator("xpath=ancestor::label").innerText();
    if (label.startsWith(templateTitle) !== (await box.isChecked())) await box.click();
  }
  await page.getByRole("button", { name: "开始检查" }).click();
  await expect(page).toHaveURL(/\/inspect\/visit\?id=/);
  await expect(rows(page).first()).toBeVisible();
  // Later sections render a step per frame after the first (checklist-view.tsx).
  await expect(page.locator("[data-checklist]")).toHaveAttribute("aria-busy", "false", {
    timeout: 30_000,
  });
  return new URL(page.url()).searchParams.get("id")!;
}

/**
 * inspector1 with the app installed, the network cut and the page reloaded from the service worker,
 * starts a visit of 示范区实验小学; returns its id.
 */
export async function startOfflineVisit(page: Page, context: BrowserContext): Promise<string> {
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await expect(schoolCard(page, "示范区实验小学")).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  return startVisit(page, "示范区实验小学");
}

/** Draws a short scribble on a signature canvas with the mouse and confirms it. */
export async function sign(page: Page, section: Locator): Promise<void> {
  const canvas = section.locator("canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 === 0 ? -30 : 30), {
      steps: 3,
    });
  }
  await page.mouse.up();
  await section.getByRole("button", { name: "确认签名" }).click();
  await expect(section.getByRole("img")).toBeVisible({ timeout: 15_000 });
}

/** Fills in every unanswered row, then on the submit view the summary and both signatures. */
export async function answerRestAndSign(page: Page): Promise<void> {
  // Rows after the first sections render a moment later; unrendered ones would count as answered.
  await renderedRowCount(page);
  const open = rows(page).and(page.locator('[data-result="none"]'));
  while ((await open.count()) > 0) {
    // Pinned by key: `open.first()` moves on to the next row as soon as this one is answered.
    const key = await open.first().getAttribute("data-item-key");
    await answerPlainly(page, page.locator(`li[data-item-key="${key}"]`));
  }
  await page.getByRole("button", { name: "签名提交" }).click();
  await page.getByLabel("检查小结").fill("门卫、消防通道总体良好；发现的问题已当场告知学校。");
  await sign(page, page.getByRole("region", { name: "督学签名" }));
  await page.getByLabel("学校代表姓名").fill("赵明");
  await page.getByLabel("职务", { exact: true }).fill("校长");
  await sign(page, page.getByRole("region", { name: "学校代表签名" }));
}

/** Fills in every unanswered row and the signatures, then submits; the visit must pass every check. */
export async function finishAndSubmit(page: Page): Promise<void> {
  await answerRestAndSign(page);
  await page.getByRole("button", { name: "提交检查" }).click();
  await expect(page.getByRole("status").filter({ hasText: "检查已提交" })).toBeVisible();
}

/**
 * In the 复查 panel, with the item's `label` form open: writes the note, adds an after-photo, sends
 * it, checks that the confirmation shows `change` (e.g. "状态：待复查 → 已销号") and confirms.
 */
export async function sendWithAfterPhoto(
  page: Page,
  item: Locator,
  { label, note, seed, change }: { label: string; note: string; seed: number; change: string },
): Promise<void> {
  const form = item.getByRole("form", { name: label });
  await form.getByLabel("复查意见（可不填）").fill(note);
  await form
    .locator('input[type="file"]')
    .last()
    .setInputFiles({
      name: "after.jpg",
      mimeType: "image/jpeg",
      buffer: await makeJpeg(page, seed),
    });
  await expect(form.getByRole("img", { name: "整改后照片 1" })).toBeVisible({ timeout: 30_000 });
  await form.getByRole("button", { name: label }).click();
  const confirm = item.getByRole("group", { name: `确认${label}` });
  await expect(confirm).toContainText(change);
  await confirm.getByRole("button", { name: `确认${label}` }).click();
}

/**
 * Opens the sync screen and waits until nothing is left to send: no pending or refused change and,
 * with `visitId`, every photo of that visit uploaded. Presses 立即同步 whenever it is offered while
 * something waits, as an inspector would after a failed attempt; a refusal fails the expectation
 * with the outbox shown.
 */
export async function syncUntilEmpty(page: Page, visitId = ""): Promise<void> {
  if (new URL(page.url()).pathname !== "/inspect/sync") await page.goto("/inspect/sync");
  const button = page.getByRole("button", { name: "立即同步" });
  await expect
    .poll(
      async () => {
        const { outbox, visit } = await readPhone(page, visitId);
        const photosWaiting = visitId
          ? visit.photos.filter((photo) => photo.uploadState !== "uploaded").length
          : 0;
        const waits = outbox.pending.length > 0 || photosWaiting > 0;
        // While a sync runs the button reads 正在同步… and is not offered.
        if (waits && (await button.count()) > 0 && (await button.isEnabled())) {
          await button.click();
        }
        return { ...outbox, photosWaiting };
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toEqual({ pending: [], rejected: [], photosWaiting: 0 });
}
