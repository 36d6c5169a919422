/**
 * Browser-side budgets in the system Chromium: first-load JS of the inspector routes, and on-device
 * photo compression.
 */
import type { Browser, Request } from "@playwright/test";

import { buildPipelineBundle, openPipelineHarness } from "../helpers/photo-pipeline-harness";

export const INSPECTOR_ROUTES = [
  "/inspect",
  "/inspect/start",
  "/inspect/visit",
  "/inspect/visits",
  "/inspect/sync",
];

/** Compressed bytes of every script a fresh (empty-cache) load of `path` fetches, as sent on the wire. */
export async function firstLoadJsBytes(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  path: string,
): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: baseUrl };
    }),
  );
  const page = await context.newPage();
  // Scripts requested before the load event: what the route needs to start. Link prefetches and
  // chunks loaded on demand afterwards (photo pipeline, signature pad) are not first-load JS.
  const firstLoad: Request[] = [];
  let loaded = false;
  page.on("load", () => (loaded = true));
  page.on("request", (request) => {
    if (!loaded && request.resourceType() === "script") firstLoad.push(request);
  });
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
  const sizes = await Promise.all(firstLoad.map(async (r) => (await r.sizes()).responseBodySize));
  const total = sizes.reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

/** Compressing a camera-sized 4000×3000 JPEG with the app's pipeline (median of `runs`). */
export async function measureCompression(
  browser: Browser,
  runs = 3,
): Promise<{ ms: number; bytes: number }> {
  const page = await browser.newPage();
  await openPipelineHarness(page, await buildPipelineBundle());
  const samples = await page.evaluate(async (count) => {
    const t = window.photoTest;
    const out: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < count; i++) {
      const input = await t.makeJpeg(4000, 3000, "photo");
      const started = performance.now();
      const photo = await t.processPhoto(input, {
        schoolName: "示范区实验小学",
        takenBy: "督学 王建国",
        takenAt: 0,
      });
      out.push({ ms: performance.now() - started, bytes: photo.bytes });
    }
    return out;
  }, runs);
  await page.close();
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)]!;
}
