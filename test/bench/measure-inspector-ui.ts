/**
 * Budgets measured in the inspector PWA itself, in Chromium: a reload with the network cut until the
 * checklist answers taps, and the time from tapping an answer to its IndexedDB commit (the app records
 * it as the `duxue:answer-saved` performance measure) on a visit of the 300-item bench template.
 */
import type { Browser } from "@playwright/test";

import type { Template } from "@/lib/domain/template/template.schema";
import { ANSWER_SAVED_MEASURE } from "@/lib/utils/perf-marks";

import { signInCookie } from "./app-server";
import { rows, schoolCard, startVisit, waitForServiceWorker } from "../e2e/inspector-helpers";

const TAPS = 60;

export type InspectorUiFigures = {
  offlineReloadMs: number;
  tapToPersistedMedianMs: number;
  tapToPersistedP90Ms: number;
  taps: number;
};

export async function measureInspectorUi(
  browser: Browser,
  baseUrl: string,
  template: Template,
): Promise<InspectorUiFigures> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    baseURL: baseUrl,
  });
  const cookie = await signInCookie(baseUrl, "inspector1");
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: baseUrl };
    }),
  );
  const page = await context.newPage();
  await page.goto("/inspect");
  await waitForServiceWorker(page);
  await schoolCard(page, "示范区实验小学").waitFor();
  await startVisit(page, "示范区实验小学", template.title);
  const total = await rows(page).count();
  if (total !== template.items.length)
    throw new Error(`expected ${template.items.length} rows, saw ${total}`);

  for (let i = 0; i < TAPS; i++) {
    await rows(page).nth(i).getByRole("radio", { name: "符合", exact: true }).click();
    await page.waitForFunction(
      ([name, count]) => performance.getEntriesByName(name).length >= count,
      [ANSWER_SAVED_MEASURE, i + 1] as const,
    );
  }
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((e) => e.duration),
    ANSWER_SAVED_MEASURE,
  );
  durations.sort((a, b) => a - b);

  await context.setOffline(true);
  await page.reload();
  // Time since this navigation began, read in the page the moment the first answer button is usable.
  const offlineReloadMs = await page.waitForFunction(() => {
    const button = [
      ...document.querySelectorAll<HTMLButtonElement>("li[data-item-key] button"),
    ].find((b) => b.textContent === "符合" && !b.disabled);
    return button ? performance.now() : null;
  });
  const figures = {
    offlineReloadMs: (await offlineReloadMs.jsonValue())!,
    tapToPersistedMedianMs: durations[Math.floor(durations.length / 2)]!,
    tapToPersistedP90Ms: durations[Math.floor(durations.length * 0.9)]!,
    taps: durations.length,
  };
  await context.close();
  return figures;
}
