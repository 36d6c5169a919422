/**
 * What a visit page (/inspect/visit?id=…) starts before React hydrates it (issue #10: no chain):
 * the visit's IndexedDB read and the checklist view's code, in parallel with the framework's own
 * start-up, hydration and the role check. `instrumentation-client.ts` calls it as the page's
 * scripts first run; the visit screen renders from what has arrived by the time it mounts, and
 * loads or reads whatever has not started (a visit opened by a link inside the app).
 */
import { preloadVisit } from "@/lib/hooks/visit-read";

import type * as checklistViewModule from "./checklist-view";

export type ChecklistViewModule = typeof checklistViewModule;

let checklistView: ChecklistViewModule | null = null;

/** The checklist view's code (precached by the service worker like every chunk). */
export function loadChecklistView(): Promise<ChecklistViewModule> {
  return import("./checklist-view").then((module) => (checklistView = module));
}

/** The checklist view's code if it has arrived. */
export function loadedChecklistView(): ChecklistViewModule | null {
  return checklistView;
}

export function preloadVisitPage(): void {
  const visitId = new URLSearchParams(window.location.search).get("id");
  if (visitId === null) return;
  preloadVisit(visitId);
  void loadChecklistView().catch(() => undefined);
}
