/**
 * A visit reopened on the phone shows its last screen at once (lib/hooks/visit-snapshot.ts), with
 * no network, while the page starts; the live checklist then takes its place row by row. No row is
 * ever on screen twice, an answer tapped on the copy is applied and stored, and signing out forgets
 * the copy.
 */
import { expect, test } from "@playwright/test";

import { SNAPSHOT_KEY } from "@/lib/hooks/visit-snapshot";

import { signIn } from "./helpers";
import {
  answerPlainly,
  renderedRowCount,
  rows,
  startVisit,
  waitForServiceWorker,
} from "./inspector-helpers";

test.use({ viewport: { width: 390, height: 844 } });

type Watch = {
  /** Whether copied rows were on screen before any live one. */
  copiedFirst: boolean | null;
  /** Item keys seen copied and live at the same time. */
  twice: string[];
  /** Whether the copy's second row was tapped 符合. */
  tapped: boolean;
};

declare global {
  interface Window {
    __watch?: Watch;
  }
}

/**
 * From the first parsed HTML of every page: after each DOM change, which rows are copies and which
 * are live, and — as an inspector would — tap 符合 on the copy's second row as soon as it shows.
 */
function watchRows(): void {
  const watch: Watch = { copiedFirst: null, twice: [], tapped: false };
  window.__watch = watch;
  const keysOf = (selector: string, attribute: string) =>
    [...document.querySelectorAll(selector)].map((row) => row.getAttribute(attribute)!);
  new MutationObserver(() => {
    const copied = keysOf("li[data-snapshot-item-key]", "data-snapshot-item-key");
    const live = new Set(keysOf("li[data-item-key]", "data-item-key"));
    if (watch.copiedFirst === null && (copied.length > 0 || live.size > 0))
      watch.copiedFirst = copied.length > 0 && live.size === 0;
    watch.twice.push(...copied.filter((key) => live.has(key)));
    const pass = document
      .querySelectorAll("li[data-snapshot-item-key]")[1]
      ?.querySelector('button[data-answer="pass"]');
    if (!watch.tapped && pass instanceof HTMLButtonElement) {
      watch.tapped = true;
      pass.click();
    }
  }).observe(document, { childList: true, subtree: true });
}

test("a reopened visit shows its last screen at once, offline; a tap on it is kept", async ({
  page,
  context,
}) => {
  await signIn(page, "inspector1", /\/inspect$/);
  await waitForServiceWorker(page);
  await startVisit(page, "示范区实验小学");
  const total = await renderedRowCount(page);
  await answerPlainly(page, rows(page).nth(0));
  // Kept a moment after the last change, with that answer in it.
  await page.waitForFunction(
    (key) => localStorage.getItem(key)?.includes('data-result=\\"pass\\"') === true,
    SNAPSHOT_KEY,
  );

  await context.addInitScript(watchRows);
  await context.setOffline(true);
  await page.reload();
  await expect(rows(page)).toHaveCount(total, { timeout: 30_000 });
  const watch = await page.evaluate(() => window.__watch!);
  expect(watch.copiedFirst).toBe(true);
  expect(watch.tapped).toBe(true);
  expect(watch.twice).toEqual([]);
  await expect(page.locator("li[data-snapshot-item-key]")).toHaveCount(0);
  await expect(page.locator("#visit-snapshot")).toHaveCount(0);

  // The answer tapped on the copy is the live checklist's, and stored: it is there after a reload.
  await expect(rows(page).nth(0)).toHaveAttribute("data-result", "pass");
  await expect(rows(page).nth(1)).toHaveAttribute("data-result", "pass");
  await expect(page.getByLabel("已答检查项")).toHaveText(`已答 2/${total}`);
  await page.waitForFunction(
    (key) => (localStorage.getItem(key)?.match(/data-result=\\"pass\\"/g)?.length ?? 0) >= 2,
    SNAPSHOT_KEY,
  );
  await page.reload();
  await expect(rows(page)).toHaveCount(total, { timeout: 30_000 });
  await expect(rows(page).nth(1)).toHaveAttribute("data-result", "pass");
  await expect(page.getByLabel("已答检查项")).toHaveText(`已答 2/${total}`);

  await context.setOffline(false);
  await page.getByRole("button", { name: "退出", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY)).toBeNull();
});
