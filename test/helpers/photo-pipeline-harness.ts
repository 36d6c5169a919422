/**
 * Runs lib/photos in a real Chromium page without the app: the pipeline (test/e2e/photo-pipeline.page.ts)
 * is bundled with esbuild and every request of the page is answered here, refusing (and recording)
 * anything else. Used by the photo e2e spec and by the compression bench.
 */
import fs from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";
import { build } from "esbuild";

const ROOT = path.resolve(__dirname, "../..");
/** Never listened on: page.route answers everything. localhost keeps crypto.subtle (a secure context). */
const ORIGIN = "http://localhost:4810";
export const VENDOR_URL = `${ORIGIN}/vendor/browser-image-compression.js`;
const VENDOR_FILE = path.join(
  ROOT,
  "node_modules/browser-image-compression/dist/browser-image-compression.js",
);

export async function buildPipelineBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, "test/e2e/photo-pipeline.page.ts")],
    bundle: true,
    format: "iife",
    globalName: "photoTest",
    target: "chrome120",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export type Traffic = { served: string[]; refused: string[] };

/** A blank page with the bundle loaded; the worker's library comes from /vendor like in the app. */
export async function openPipelineHarness(page: Page, bundle: string): Promise<Traffic> {
  const traffic: Traffic = { served: [], refused: [] };
  const files: Record<string, { body: string | Buffer; contentType: string }> = {
    [`${ORIGIN}/`]: {
      body: '<!doctype html><meta charset="utf-8"><script src="/photo-test.js"></script>',
      contentType: "text/html",
    },
    [`${ORIGIN}/photo-test.js`]: { body: bundle, contentType: "text/javascript" },
    [VENDOR_URL]: { body: fs.readFileSync(VENDOR_FILE), contentType: "text/javascript" },
  };
  await page.context().route("**/*", async (route) => {
    const url = route.request().url();
    const file = files[url];
    if (!file) {
      traffic.refused.push(url);
      return route.abort("blockedbyclient");
    }
    traffic.served.push(url);
    return route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => typeof window.photoTest?.processPhoto === "function");
  return traffic;
}
