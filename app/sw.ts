/*
 * The service worker (Serwist, configurator mode): `next build && serwist build` bundles this file
 * into public/sw.js with the precache list that serwist.config.js makes from the build output.
 *
 * What it does:
 * - Precaches the inspector app shell (the static pages /inspect, /inspect/start, /inspect/visit,
 *   /inspect/visits, /inspect/sync and /offline with all their JS/CSS), icons, the web manifest and
 *   the photo-compression worker library, and serves them cache-first.
 * - A navigation to a shell page is answered with that page's precached HTML whatever its query,
 *   so /inspect/visit?id=… opens any visit offline: the page reads the visit from IndexedDB.
 * - Any other navigation goes to the network; with none, the precached /offline page explains.
 * - It never touches /api/* or any request that is not a GET: sync, uploads and sign-in always
 *   go to the server from the page (lib/sync), and nothing the server says is cached here. One
 *   exception, read-only: a photo thumbnail (content-addressed, so it never changes) is answered
 *   from the copies the page keeps of the pack's open items (lib/sync/pack-photos.ts), so a 复查
 *   shows the finding's photos offline; a thumbnail not kept there goes to the network.
 *
 * Decision — the role check when offline: the inspector pages are static shells (no server
 * rendering, no user data in the HTML), so the server's session check no longer runs when they
 * load, online or not. InspectorGate checks in the browser: /api/me when the network answers
 * (signed out → /login, another role → its own home), else the inspector last confirmed on this
 * device. That gives away nothing: the shell holds no data, IndexedDB is the inspector's own,
 * and every API request is checked on the server, where a 401 pauses sync and keeps everything.
 *
 * Updates: a new worker waits (no skipWaiting) until the inspector taps "更新" in the prompt
 * (components/pwa/service-worker-registrar.tsx); the page writes any waiting edits first and
 * reloads under the new worker, which then drops the old precache. Drafts live in IndexedDB and
 * are never affected by an update.
 */
import {
  cacheNames,
  NetworkOnly,
  Serwist,
  type PrecacheEntry,
  type RouteHandler,
  type SerwistGlobalConfig,
} from "serwist";

import { isPhotoThumbnailPath, PACK_PHOTO_CACHE } from "../lib/sync/photo-paths";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Keep in step with SHELL_ROUTES in serwist.config.js. */
const APP_SHELL_ROUTES: ReadonlySet<string> = new Set([
  "/inspect",
  "/inspect/start",
  "/inspect/visit",
  "/inspect/visits",
  "/inspect/sync",
  "/offline",
]);
const OFFLINE_PAGE = "/offline";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  // Only when the inspector taps "更新" (the message the prompt sends).
  skipWaiting: false,
  // The first install controls the open page at once, so it works offline without a reload.
  clientsClaim: true,
  /*
   * The built chunks (/_next/static/…, named by their content hash and precached under their own
   * URL) are read from the precache by the browser itself, without running this worker (the Static
   * Routing API, Chromium 123+): on a phone the visit page's dozen scripts otherwise queue on the
   * worker's thread, a fetch event each, while the page's main thread waits (issue #10). A chunk
   * missing from that cache goes to the network, as the precache route does; browsers without
   * static routes send them to the fetch handler below.
   */
  requestRules: {
    condition: { urlPattern: { pathname: "/_next/static/*" }, requestMethod: "GET" },
    source: { cacheName: cacheNames.precache },
  },
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && APP_SHELL_ROUTES.has(url.pathname),
      handler: serveShell(),
    },
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }],
  },
});

/** The precached HTML of the shell page at this path, ignoring the query; the network if missing. */
function serveShell(): RouteHandler {
  return async ({ request, url }) => (await serwist.matchPrecache(url.pathname)) ?? fetch(request);
}

self.addEventListener("install", (event) => void serwist.handleInstall(event));
self.addEventListener("activate", (event) => void serwist.handleActivate(event));
/** A kept thumbnail of the pack's photos, else the network (which checks who may see it). */
async function packPhoto(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: PACK_PHOTO_CACHE })) ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin && isPhotoThumbnailPath(url.pathname)) {
    event.respondWith(packPhoto(request));
    return;
  }
  // The API: not ours. The browser sends it as if there were no service worker.
  if (url.pathname.startsWith("/api/")) return;
  serwist.handleFetch(event);
});
