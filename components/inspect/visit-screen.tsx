"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";

import type { ItemKey } from "@/lib/domain/visit/checklist";
import { useInspector } from "@/lib/hooks/use-inspector";
import { PhotoStateContext } from "@/lib/hooks/use-photos";
import { useVisit } from "@/lib/hooks/use-visit";
import { endSnapshot } from "@/lib/hooks/visit-snapshot";

import { EmptyState } from "@/components/ui/empty-state";

import type { PreviewKind } from "./document-preview";
import { loadChecklistView, loadedChecklistView, type ChecklistViewModule } from "./visit-preload";

/*
 * The checklist and submit views are loaded on demand (precached for offline like every chunk),
 * so the page's own first load is the shell that opens the visit. A checklist can only show for
 * a visit stored on this phone, so the app has run here before and its service worker serves the
 * chunk. A page load starts it before hydration, alongside the IndexedDB read (visit-preload.ts),
 * and it is rendered directly once both are there: no Suspense fallback, whose reveal React
 * throttles. The submit view and the 复查 section use React.lazy (next/dynamic's loader would add
 * its own code to the page).
 */
const SubmitView = lazy(() => import("./submit-view").then((m) => ({ default: m.SubmitView })));
/** The offline preview of the notice and the visit record, loaded when asked for. */
const DocumentPreview = lazy(() =>
  import("./document-preview").then((m) => ({ default: m.DocumentPreview })),
);
/**
 * The 整改复查 section, likewise loaded after the checklist (it brings the action forms and their
 * schemas: ~80 ms of script at 4× CPU throttle), and only requested once every row of the
 * checklist has been painted, so its code competes neither with the first question nor with the
 * rows added after it (nor with a tap between them).
 */
const FollowUpPanel = lazy(() =>
  import("./follow-up-panel").then((m) => ({ default: m.FollowUpPanel })),
);

const OPENING = (
  <p className="py-10 text-center text-sm text-slate-500" data-visit-opening>
    正在打开检查…
  </p>
);

/**
 * Switches between the checklist and the submit view in the URL (?view=submit) without a server
 * round trip: the page is one precached shell whatever its query.
 */
type View = "checklist" | "submit" | PreviewKind;
const VIEWS: readonly View[] = ["checklist", "submit", "notice", "record"];

function showView(visitId: string, view: View): void {
  const query = view === "checklist" ? `?id=${visitId}` : `?id=${visitId}&view=${view}`;
  window.history.pushState(null, "", `/inspect/visit${query}`);
  window.scrollTo({ top: 0 });
}

/** False until a frame has been painted after `isReady`. */
function usePaintedAfter(isReady: boolean): boolean {
  const [isPainted, setIsPainted] = useState(false);
  useEffect(() => {
    if (!isReady || isPainted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setIsPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [isReady, isPainted]);
  return isPainted;
}

function CannotOpen({ reason }: { reason: string }) {
  useEffect(() => void endSnapshot(), []);
  return (
    <EmptyState title="无法打开这次检查">
      <p>{reason}</p>
      <Link
        href="/inspect"
        className="text-brand-700 mt-2 inline-block underline underline-offset-4"
      >
        返回我的学校
      </Link>
    </EmptyState>
  );
}

/** /inspect/visit?id=…: one visit from IndexedDB, saved as it is entered, working offline. */
export function VisitScreen() {
  const params = useSearchParams();
  const visitId = params.get("id");
  const view = VIEWS.find((v) => v === params.get("view")) ?? "checklist";
  const inspector = useInspector();
  const state = useVisit(visitId, inspector);
  const [jumpTarget, setJumpTarget] = useState<{ key: ItemKey } | null>(null);
  const [checklistView, setChecklistView] = useState<ChecklistViewModule | "failed" | null>(
    loadedChecklistView,
  );

  useEffect(() => {
    if (visitId === null || checklistView !== null) return;
    loadChecklistView().then(setChecklistView, () => setChecklistView("failed"));
  }, [visitId, checklistView]);

  const [areRowsShown, setAreRowsShown] = useState(false);
  const onAllRowsShown = useCallback(() => setAreRowsShown(true), []);
  const isPainted = usePaintedAfter(
    state.status === "ready" && checklistView !== null && areRowsShown,
  );

  // A new object each time, so jumping to the same item twice scrolls twice.
  const onJump = useCallback((key: ItemKey) => setJumpTarget({ key }), []);
  const onJumpFromSubmit = useCallback(
    (key: ItemKey) => {
      if (visitId === null) return;
      showView(visitId, "checklist");
      setJumpTarget({ key });
    },
    [visitId],
  );

  if (state.status === "missing") return <CannotOpen reason={state.reason} />;
  if (checklistView === "failed") return <CannotOpen reason="检查表未能加载：请联网后重新打开" />;
  if (state.status === "loading" || checklistView === null) return OPENING;

  const { ChecklistView } = checklistView;
  const { context, visit, answers, actions, photos, saveError, clearSaveError } = state;
  return (
    <PhotoStateContext.Provider value={photos}>
      {saveError ? (
        <div
          role="alert"
          className="mb-3 flex items-start gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700"
        >
          <p className="flex-1">{saveError}</p>
          <button
            type="button"
            onClick={clearSaveError}
            className="shrink-0 text-red-800 underline"
          >
            知道了
          </button>
        </div>
      ) : null}
      {view === "notice" || view === "record" ? (
        <Suspense fallback={OPENING}>
          <DocumentPreview
            kind={view}
            context={context}
            visit={visit}
            answers={answers}
            inspector={inspector}
            onBack={() => showView(visit.id, "submit")}
          />
        </Suspense>
      ) : view === "submit" ? (
        <Suspense fallback={OPENING}>
          <SubmitView
            context={context}
            visit={visit}
            answers={answers}
            actions={actions}
            inspector={inspector}
            onJump={onJumpFromSubmit}
            onBack={() => showView(visit.id, "checklist")}
            onPreview={(kind) => showView(visit.id, kind)}
          />
        </Suspense>
      ) : (
        <>
          {isPainted ? (
            <Suspense fallback={null}>
              <FollowUpPanel
                school={context.school}
                inspector={inspector}
                isFollowUpVisit={visit.kind === "follow_up"}
              />
            </Suspense>
          ) : null}
          <ChecklistView
            context={context}
            visit={visit}
            answers={answers}
            actions={actions}
            jumpTarget={jumpTarget}
            onJump={onJump}
            onSubmitView={() => showView(visit.id, "submit")}
            onAllRowsShown={onAllRowsShown}
          />
        </>
      )}
    </PhotoStateContext.Provider>
  );
}
