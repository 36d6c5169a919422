/**
 * The visit's last screen, shown while the page starts (issue #10). A visit page needs the
 * framework's start-up, hydration and its IndexedDB read before React draws a question: about a
 * second on a mid-range phone. So the checklist, once drawn, keeps a copy of its own HTML here
 * (localStorage, because the page must read it synchronously while the HTML is parsed), and the
 * next load of that visit shows the copy at once (`SNAPSHOT_SCRIPT`, an inline script of the
 * static shell). Answer taps on the copy are kept and applied when the live checklist mounts;
 * the live checklist then takes the copy's place row by row as it renders its own, so the page
 * never shrinks and no row shows twice. The copy holds nothing that IndexedDB does not (the
 * visit's questions and answers); it is removed at sign-out.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

import { JUDGEMENT_LABELS } from "@/lib/domain/template/template.labels";
import type { Judgement } from "@/lib/domain/template/template.schema";
import type { AnswerEdit } from "@/lib/domain/visit/answer-edit";
import type { ItemKey } from "@/lib/domain/visit/checklist";
import type { VisitAnswer } from "@/lib/domain/visit/visit.schema";

import { whenIdle } from "./after-page-load";
import type { VisitActions, VisitContext } from "./use-visit";

/** The bar and first rows, read while the HTML is parsed: kept small. */
export const SNAPSHOT_KEY = "duxue.visit-snapshot";
/** The rest, read after the first frame. */
const SNAPSHOT_REST_KEY = "duxue.visit-snapshot-rest";
const VERSION = 1;
/** The element the inline script fills (rendered by components/inspect/visit-snapshot.tsx). */
export const SNAPSHOT_ROOT_ID = "visit-snapshot";
/** Set on <html> while a snapshot stands in for the checklist. */
const SHOWN_ATTR = "data-visit-snapshot";
/** A copied row's item key (not data-item-key: the copy must never be taken for a live row). */
const ROW_ATTR = "data-snapshot-item-key";
/** A copied section's id. */
const SECTION_ATTR = "data-snapshot-section";
/** Rows drawn with the page (a phone screen and a margin); the rest follow after its first frame. */
const FIRST_ROWS = 6;

/** An answer tapped on the copy: the live checklist applies it once it has mounted. */
export type SnapshotTap = { key: string; kind: "result" | "value"; value: string };

type StoredHead = {
  v: number;
  visitId: string;
  /** The sticky bar (school, progress, 目录 …) and the sections of the first rows. */
  html: string;
};
type StoredRest = {
  v: number;
  visitId: string;
  /** The rows of the head's last section that it leaves out. */
  rows: string;
  /** The sections after the head's. */
  sections: string;
};

declare global {
  interface Window {
    __visitSnapshotTaps?: SnapshotTap[];
  }
}

/** Attributes that name an element by id: the copy's ids are renamed, and so are these. */
const ID_ATTRS = /\s(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;

/**
 * The HTML of live elements as a copy that can stand beside the live page: its own ids, copied
 * rows and sections marked as such, read-only fields and no photo thumbnails (object URLs of this
 * page, dead on the next). A pass over the serialized HTML's tags: a copy of the DOM node by node
 * takes several times as long, and this runs while the inspector works (~180 KB for 157 items).
 */
export function copyHtml(html: string): string {
  return html.replace(/<img\b[^>]*\ssrc="blob:[^>]*>/g, "").replace(/<[^>]+>/g, (tag) =>
    tag
      .replace(ID_ATTRS, (_, name: string, value: string) => {
        return ` ${name}="${value.replace(/\S+/g, "snapshot-$&")}"`;
      })
      .replace(" data-item-key=", ` ${ROW_ATTR}=`)
      .replace(" data-section-id=", ` ${SECTION_ATTR}=`)
      .replace(/^<(input|textarea)\b/, "<$1 readonly")
      .replace(/^<select\b/, "<select disabled"),
  );
}

/**
 * Keeps the checklist in `root` as the visit's snapshot. `root` holds the sticky bar
 * ([data-checklist-bar]) and the sections (section[data-section-id]); call it with every row drawn.
 */
function saveVisitSnapshot(root: HTMLElement, visitId: string): void {
  const bar = root.querySelector("[data-checklist-bar]");
  if (!bar) return;
  // An open 目录 or search is not part of the screen to come back to.
  const barCopy = bar.cloneNode(true) as Element;
  for (const panel of barCopy.querySelectorAll("[data-snapshot-skip]")) panel.remove();
  const head: StoredHead = { v: VERSION, visitId, html: copyHtml(barCopy.outerHTML) };
  const rest: StoredRest = { v: VERSION, visitId, rows: "", sections: "" };
  let drawn = 0;
  for (const section of root.querySelectorAll("section[data-section-id]")) {
    const html = section.outerHTML;
    const rows = section.querySelectorAll("li[data-item-key]");
    if (drawn >= FIRST_ROWS) {
      rest.sections += copyHtml(html);
      continue;
    }
    // The rows after the first ones are the list's last children: the end of its HTML.
    const later = [...rows]
      .slice(FIRST_ROWS - drawn)
      .map((row) => row.outerHTML)
      .join("");
    const found = later === "" ? -1 : html.lastIndexOf(later);
    const cut = found === -1 ? html.length : found;
    head.html += copyHtml(html.slice(0, cut) + html.slice(cut + later.length));
    rest.rows = found === -1 ? "" : copyHtml(later);
    drawn += rows.length;
  }
  try {
    localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(head));
    localStorage.setItem(SNAPSHOT_REST_KEY, JSON.stringify(rest));
  } catch {
    // Full or disabled: the next load draws the checklist the usual way.
    clearVisitSnapshot();
  }
}

export function clearVisitSnapshot(): void {
  try {
    localStorage.removeItem(SNAPSHOT_KEY);
    localStorage.removeItem(SNAPSHOT_REST_KEY);
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

/**
 * Runs in the static shell's HTML as it is parsed (an inline script, allowed by the page's CSP
 * hash): on /inspect/visit?id=X with a snapshot of X, draws its bar and first rows into the
 * snapshot root at once and reads and draws the rest after the first frame, and keeps answer taps
 * on it.
 */
function showSnapshot(headKey: string, restKey: string, version: number, rootId: string): void {
  try {
    const query = new URLSearchParams(location.search);
    const root = document.getElementById(rootId);
    if (location.pathname !== "/inspect/visit" || query.get("view") || !root) return;
    const read = <T extends { v: number; visitId: string }>(key: string) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? "null") as T | null;
      return stored?.v === version && stored.visitId === query.get("id") ? stored : null;
    };
    const head = read<StoredHead>(headKey);
    if (!head) return;
    document.documentElement.setAttribute("data-visit-snapshot", "");
    root.innerHTML = head.html;
    requestAnimationFrame(() =>
      setTimeout(() => {
        const rest = read<StoredRest>(restKey);
        if (!rest || !document.documentElement.hasAttribute("data-visit-snapshot")) return;
        root.lastElementChild?.querySelector("ul")?.insertAdjacentHTML("beforeend", rest.rows);
        root.insertAdjacentHTML("beforeend", rest.sections);
      }),
    );
    const taps: SnapshotTap[] = (window.__visitSnapshotTaps = []);
    // On the document: copied rows not yet live move next to the live ones and stay tappable.
    document.addEventListener("click", (event) => {
      const button = (event.target as Element).closest?.("button[data-answer]");
      const row = button?.closest("li[data-snapshot-item-key]");
      if (!button || !row || (button as HTMLButtonElement).disabled) return;
      taps.push({
        key: row.getAttribute("data-snapshot-item-key")!,
        kind: button.getAttribute("data-answer-kind") === "value" ? "value" : "result",
        value: button.getAttribute("data-answer")!,
      });
      for (const other of row.querySelectorAll("[data-snapshot-chosen]"))
        other.removeAttribute("data-snapshot-chosen");
      button.setAttribute("data-snapshot-chosen", "");
    });
  } catch {
    // Anything unexpected: the page opens the usual way.
  }
}

/** The inline script's source: `showSnapshot` with its constants, self-contained. */
export const SNAPSHOT_SCRIPT = `(${showSnapshot.toString()})(${[
  SNAPSHOT_KEY,
  SNAPSHOT_REST_KEY,
  VERSION,
  SNAPSHOT_ROOT_ID,
]
  .map((arg) => JSON.stringify(arg))
  .join(",")})`;

export function isSnapshotShown(): boolean {
  return typeof document !== "undefined" && document.documentElement.hasAttribute(SHOWN_ATTR);
}

const listeners = new Set<() => void>();

/** Calls `listener` when the snapshot ends; returns the unsubscribe. */
export function onSnapshotEnd(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The snapshot stops standing in (its root is then removed by React). The answers tapped on it
 * stay for the live checklist to take, however late it comes.
 */
export function endSnapshot(): void {
  if (!isSnapshotShown()) return;
  document.documentElement.removeAttribute(SHOWN_ATTR);
  for (const listener of listeners) listener();
}

/**
 * The answers tapped on the snapshot that no checklist has taken yet. Emptied in place: the inline
 * script's click listener keeps adding to this same list.
 */
function takeSnapshotTaps(): SnapshotTap[] {
  return window.__visitSnapshotTaps?.splice(0) ?? [];
}

/**
 * The live checklist has mounted: the copied rows it has not drawn yet move into `rest` (an
 * element after its own sections), and the copy's bar and the rest of it go.
 */
function takeOverSnapshot(rest: HTMLElement): void {
  const root = document.getElementById(SNAPSHOT_ROOT_ID);
  if (root && isSnapshotShown()) {
    rest.append(...root.querySelectorAll(`[${SECTION_ATTR}]`));
    root.replaceChildren();
  }
  endSnapshot();
}

/**
 * Removes from `rest` the copied rows the live checklist now draws, and the headers of copied
 * sections it has started (their remaining rows stay, below the live ones).
 */
function pruneSnapshot(
  rest: HTMLElement,
  liveKeys: ReadonlySet<string>,
  liveSections: ReadonlySet<string>,
): void {
  for (const row of rest.querySelectorAll(`li[${ROW_ATTR}]`)) {
    if (liveKeys.has(row.getAttribute(ROW_ATTR)!)) row.remove();
  }
  for (const section of rest.querySelectorAll(`[${SECTION_ATTR}]`)) {
    if (!liveSections.has(section.getAttribute(SECTION_ATTR)!)) continue;
    const list = section.querySelector("ul");
    if (!list?.querySelector(`li[${ROW_ATTR}]`)) section.remove();
    else for (const child of [...section.children]) if (child !== list) child.remove();
  }
}

/** Waits after the last change before the checklist keeps a copy of itself… */
const SNAPSHOT_DELAY_MS = 1500;
/** …and then for an idle moment, at most this long. */
const IDLE_WAIT_MS = 5000;

const isJudgement = (value: string): value is Judgement => Object.hasOwn(JUDGEMENT_LABELS, value);

/**
 * The edits that give the live checklist the answers tapped on the snapshot: the last tap per
 * item, and none where the item already has that answer (a tap on the copy chooses; it never
 * clears, as tapping the chosen answer again does on the live checklist).
 */
export function snapshotEdits(
  taps: readonly SnapshotTap[],
  answers: ReadonlyMap<ItemKey, VisitAnswer>,
): { key: ItemKey; edit: AnswerEdit }[] {
  const lastByKey = new Map(taps.map((tap) => [tap.key as ItemKey, tap]));
  return [...lastByKey].flatMap(([key, tap]): { key: ItemKey; edit: AnswerEdit }[] => {
    const answer = answers.get(key);
    if (tap.kind === "value")
      return answer?.value === tap.value
        ? []
        : [{ key, edit: { kind: "value", value: tap.value } }];
    return isJudgement(tap.value) && answer?.result !== tap.value
      ? [{ key, edit: { kind: "result", result: tap.value } }]
      : [];
  });
}

/**
 * The visit's snapshot for the live checklist: if one stood in while the page started, the
 * checklist takes its place as it mounts (the copied rows it has not drawn yet go into `rest`,
 * below its own, until it draws them) and applies every answer tapped on the copy, before or after
 * it mounted; once every row is drawn, and after each change, it keeps a new copy of `rootRef`.
 * `hasCopy`: whether a copy was on screen as the checklist mounted (then `restRef` is rendered).
 */
export function useVisitSnapshot({
  visitId,
  context,
  answers,
  actions,
  shownRows,
  areAllRowsShown,
}: {
  visitId: string;
  context: VisitContext;
  answers: ReadonlyMap<ItemKey, VisitAnswer>;
  actions: VisitActions;
  shownRows: number;
  areAllRowsShown: boolean;
}): {
  rootRef: RefObject<HTMLDivElement | null>;
  restRef: RefObject<HTMLDivElement | null>;
  hasCopy: boolean;
} {
  const root = useRef<HTMLDivElement>(null);
  const rest = useRef<HTMLDivElement>(null);
  const [hasCopy] = useState(isSnapshotShown);

  useLayoutEffect(() => {
    if (rest.current) takeOverSnapshot(rest.current);
  }, []);

  // Copied rows below the live ones stay tappable until drawn: their taps are taken here too.
  const { checklist } = context;
  useLayoutEffect(() => {
    for (const { key, edit } of snapshotEdits(takeSnapshotTaps(), answers)) actions.edit(key, edit);
    if (!rest.current) return;
    const liveKeys = new Set<string>(checklist.entries.slice(0, shownRows).map((e) => e.key));
    const liveSections = checklist.sections.filter((s) => s.keys.some((k) => liveKeys.has(k)));
    pruneSnapshot(rest.current, liveKeys, new Set(liveSections.map((s) => s.id)));
  }, [checklist, shownRows, answers, actions]);

  useEffect(() => {
    if (!areAllRowsShown) return;
    const save = () => {
      if (root.current) saveVisitSnapshot(root.current, visitId);
    };
    // In an idle moment after the inspector pauses, so that it never holds up a tap.
    let cancelIdle: () => void = () => undefined;
    const timer = window.setTimeout(() => {
      cancelIdle = whenIdle(save, IDLE_WAIT_MS);
    }, SNAPSHOT_DELAY_MS);
    const onHide = () => {
      if (document.visibilityState === "hidden") save();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      clearTimeout(timer);
      cancelIdle();
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [visitId, answers, areAllRowsShown]);

  return { rootRef: root, restRef: rest, hasCopy };
}
