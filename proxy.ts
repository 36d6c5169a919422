/**
 * Every page and static file: the security headers, and the page's Content-Security-Policy with a
 * fresh nonce (Next puts it on the scripts of dynamic pages) plus the recorded hashes of a
 * prerendered page's inline scripts. /api is not matched: Next buffers a request body for a proxy,
 * and API bodies must be refused while streaming (lib/server/read-body.ts); /api gets its headers
 * from next.config.js and its cross-site check from requireApiUser.
 */
import fs from "node:fs";
import path from "node:path";

import { type NextRequest, NextResponse } from "next/server";

import { BASE_HEADERS, CSP_HASHES_FILE, pageCsp } from "@/lib/server/security-headers";

let hashes: Record<string, string[]> | undefined;

function inlineHashes(pathname: string): string[] {
  if (hashes === undefined) {
    try {
      hashes = JSON.parse(
        fs.readFileSync(path.join(process.cwd(), CSP_HASHES_FILE), "utf8"),
      ) as Record<string, string[]>;
    } catch {
      hashes = {}; // `next dev`: no prerendered pages.
    }
  }
  return hashes[pathname.replace(/\/$/, "") || "/"] ?? [];
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(
    [`'nonce-${nonce}'`, ...inlineHashes(pathname)],
    process.env.NODE_ENV === "development",
  );
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(BASE_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/).*)"],
};
