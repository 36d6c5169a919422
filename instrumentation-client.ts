/*
 * Runs in the browser before React hydrates a page (Next.js client instrumentation), on every page:
 * keep it to the path check. A visit page starts reading its visit and loading the checklist's
 * code here, while the framework starts up (components/inspect/visit-preload.ts).
 */
if (window.location.pathname === "/inspect/visit") {
  void import("@/components/inspect/visit-preload").then(
    ({ preloadVisitPage }) => preloadVisitPage(),
    () => undefined,
  );
}
