/**
 * How the e2e suites and the bench start Debian's Chromium: as root in a container, no GPU, and
 * none of the browser's own background work, which on a 2-core machine takes CPU from the page
 * being tested. Chromium 156 also loads its omnibox popup (two chrome:// WebUI pages, ~1.8 s of a
 * renderer's main thread) for every new window; a phone's browser does that on other cores, if at
 * all, so it is switched off here.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI",
];
