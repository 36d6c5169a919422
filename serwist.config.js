// @ts-check
/*
 * `serwist build` (Serwist configurator mode: run after `next build`, so the prerendered pages
 * exist) bundles app/sw.ts into public/sw.js with this precache list:
 * - the inspector surface's static shells and the offline page, prerendered by `next build`
 *   (.next/server/app/<route>.html → /<route>); one HTML per route serves every ?id=…;
 * - every built JS/CSS chunk under .next/static (hashed names, about 1 MB in all: lazily loaded
 *   chunks such as the signature pad must be there offline too);
 * - the icons, the web manifest and the self-hosted photo-compression worker library.
 * Nothing under /api is ever precached.
 */

/** Routes that must open with no network. Keep in step with APP_SHELL_ROUTES in app/sw.ts. */
const SHELL_ROUTES = [
  "inspect",
  "inspect/start",
  "inspect/visit",
  "inspect/visits",
  "inspect/sync",
  "offline",
];

const APP_DIR = ".next/server/app/";

/** @type {import("@serwist/cli").BuildOptions} */
module.exports = {
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  globDirectory: ".",
  globPatterns: [
    ".next/static/**/*.{js,css,woff2,png,svg,ico}",
    `${APP_DIR}{${SHELL_ROUTES.join(",")}}.html`,
    `${APP_DIR}manifest.webmanifest.body`,
    "public/icons/*.png",
    "public/vendor/*.js",
  ],
  // Chunk names carry their content hash; the HTML, icons and manifest get a revision from their
  // bytes. (Matched against the file path: this runs before manifestTransforms.)
  dontCacheBustURLsMatching: /^\.next\/static\//,
  manifestTransforms: [
    async (entries) => {
      const manifest = entries.map((entry) => ({ ...entry, url: publicUrl(entry.url) }));
      // A shell page that turned dynamic (a session check, cookies) has no prerendered HTML and
      // would silently be missing offline: fail the build instead.
      const missing = SHELL_ROUTES.filter((route) => !manifest.some((e) => e.url === `/${route}`));
      if (missing.length > 0) {
        throw new Error(
          `Not prerendered, so not available offline: /${missing.join(", /")}. Keep them static shells.`,
        );
      }
      return { manifest, warnings: [] };
    },
  ],
};

/** Where a built file is served: .next/static/x → /_next/static/x, app/<route>.html → /<route>, public/x → /x. */
function publicUrl(file) {
  if (file.startsWith(".next/static/"))
    return `/_next/static/${file.slice(".next/static/".length)}`;
  if (file === `${APP_DIR}manifest.webmanifest.body`) return "/manifest.webmanifest";
  if (file.startsWith(APP_DIR)) return `/${file.slice(APP_DIR.length, -".html".length)}`;
  if (file.startsWith("public/")) return `/${file.slice("public/".length)}`;
  throw new Error(`serwist.config.js: no public URL for ${file}`);
}
