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
  /** The item of a copied row tapped 符合 once the live checklist had taken it in, below its own rows. */
  tappedBelow: string | null;
};

declare global {
  interface Window {
    __watch?: Watch;
  }
}

/**
 * From the first parsed HTML of every page: after each DOM change, which rows are copies and which
 * are live, and — as an inspector would — tap 符合 on the copy's second row as soon as it shows,
 * and on the first copied row the live checklist has taken in below its own rows.
 */
function watchRows(): void {
  const watch: Watch = { copiedFirst: null, twice: [], tapped: false, tappedBelow: null };
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
    const below = [
      ...document.querySelectorAll("[data-checklist] li[data-snapshot-item-key]"),
    ].find((row) => row.querySelector('button[data-answer="pass"]') !== null);
    if (watch.tappedBelow === null && below) {
      watch.tappedBelow = below.getAttribute("data-snapshot-item-key");
      below.querySelector<HTMLButtonElement>('button[data-answer="pass"]')!.click();
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
  expect(watch.tappedBelow).not.toBeNull();
  expect(watch.twice).toEqual([]);
  await expect(page.locator("li[data-snapshot-item-key]")).toHaveCount(0);
  await expect(page.locator("#visit-snapshot")).toHaveCount(0);

  // The answers tapped on the copy are the live checklist's, and stored: there after a reload.
  const below = page.locator(`li[data-item-key="${watch.tappedBelow}"]`);
  await expect(rows(page).nth(0)).toHaveAttribute("data-result", "pass");
  await expect(rows(page).nth(1)).toHaveAttribute("data-result", "pass");
  await expect(below).toHaveAttribute("data-result", "pass");
  await expect(page.getByLabel("已答检查项")).toHaveText(`已答 3/${total}`);
  await page.waitForFunction(
    (key) => (localStorage.getItem(key)?.match(/data-result=\\"pass\\"/g)?.length ?? 0) >= 2,
    SNAPSHOT_KEY,
  );
  await page.reload();
  await expect(rows(page)).toHaveCount(total, { timeout: 30_000 });
  await expect(rows(page).nth(1)).toHaveAttribute("data-result", "pass");
  await expect(below).toHaveAttribute("data-result", "pass");
  await expect(page.getByLabel("已答检查项")).toHaveText(`已答 3/${total}`);

  await context.setOffline(false);
  await page.getByRole("button", { name: "退出", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await page.evaluate((key) => localStorage.getItem(key), SNAPSHOT_KEY)).toBeNull();
});
