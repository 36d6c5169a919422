/**
 * Build step (after `next build`, before `serwist build`): records the SHA-256 of every inline script
 * in each prerendered page, so the Content-Security-Policy can allow exactly those scripts on pages
 * that were rendered at build time and so carry no per-request nonce (security-headers.ts).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { CSP_HASHES_FILE } from "../security-headers";

const APP_DIR = path.join(process.cwd(), ".next/server/app");
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

const hashes: Record<string, string[]> = {};
for (const entry of fs.readdirSync(APP_DIR, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const route = `/${path.relative(APP_DIR, file).replace(/\.html$/, "")}`.replace(/\/index$/, "/");
  const html = fs.readFileSync(file, "utf8");
  const sources = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? "")
    .filter((body) => body.length > 0)
    .map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  hashes[route === "/" ? "/" : route.replace(/\/$/, "")] = [...new Set(sources)];
}
fs.writeFileSync(path.join(process.cwd(), CSP_HASHES_FILE), JSON.stringify(hashes));
console.warn(`已记录 ${Object.keys(hashes).length} 个预渲染页面的内联脚本哈希`);
