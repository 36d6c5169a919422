/**
 * The security headers of every response (proxy.ts for pages and files, next.config.js for /api, both
 * from security-headers.json) and the Content-Security-Policy pages run under: scripts only from the
 * app itself, plus inline scripts that carry the request's nonce (dynamic pages: Next adds it) or
 * whose hash the build recorded (prerendered pages, which the service worker also serves offline;
 * see cli/csp-hashes.ts). No server-only import: proxy.ts uses it.
 */
import headers from "./security-headers.json";

/** Written by `npm run build` (cli/csp-hashes.ts): route → hashes of the inline scripts in its prerendered HTML. */
export const CSP_HASHES_FILE = ".next/csp-inline-hashes.json";

/** On every response: no MIME sniffing, no framing, camera and location for the app itself only. */
export const BASE_HEADERS: Record<string, string> = headers.base;

/** API answers are data, never documents: nothing may run or load under them. */
export const API_CSP: string = headers.apiCsp;

/**
 * The policy of a page (or of a script file: the service worker and the photo-compression worker run
 * under their own response's policy). `inline` are 'nonce-…' / 'sha256-…' sources for inline scripts.
 */
export function pageCsp(inline: readonly string[], dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...inline, ...(dev ? ["'unsafe-eval'"] : [])].join(" ")}`.trim(),
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The photo compressor runs in a worker made from a blob: URL that loads /vendor/ by importScripts.
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
