/**
 * The phone profile (issue #10): Chromium with its CPU throttled 4× (CDP Emulation.setCPUThrottlingRate)
 * at 390×844, touch, opening a real visit of the 150-item bench template that the inspector started
 * in the app, so its data is in IndexedDB and the service worker serves the page. Read in the page
 * itself: the first question on screen, every row on screen, every row drawn by the live checklist,
 * tap → next frame, and the main thread's busy time before the first question (from a Chromium
 * trace). Rows on screen include those of the visit's snapshot (lib/hooks/visit-snapshot.ts), which
 * stands in while the page starts: its answer taps are kept and applied. Also the JavaScript the
 * visit page loads before its first question can be answered, and the sign-in page's JavaScript
 * and total blocking time at 4×.
 */
import fs from "node:fs";

import type { Browser, BrowserContext, CDPSession, Page, Request } from "@playwright/test";

import type { Template } from "@/lib/domain/template/template.schema";
import { SNAPSHOT_KEY } from "@/lib/hooks/visit-snapshot";
import { ANSWER_SAVED_MEASURE } from "@/lib/utils/perf-marks";

import { signInCookie } from "./app-server";
import { rows, schoolCard, startVisit, waitForServiceWorker } from "../e2e/inspector-helpers";

export const PHONE_ITEMS = 150;
export const PHONE_CPU_SLOWDOWN = 4;
const ANSWERS = 30;
/** Opens of the visit; the timings are their medians. */
const OPENS = 3;

export type PhoneFigures = {
  firstQuestionMs: number;
  allRowsMs: number;
  liveRowsMs: number;
  tapToFrameP50Ms: number;
  tapToFrameP90Ms: number;
  mainThreadBeforeFirstQuestionMs: number;
  mainThreadCpuBeforeFirstQuestionMs: number;
  heapAfterAnswersMb: number;
  visitPageJsBytes: number;
  visitPageScripts: number;
};

export type SignInFigures = { jsBytes: number; totalBlockingMs: number };

const FIRST_QUESTION_MARK = "bench:first-question";

type Shown = { first: number; all: number; live: number };

declare global {
  interface Window {
    __phone?: {
      first: number | null;
      all: number | null;
      live: number | null;
      taps: number[];
      /** Resolves once the first question and every row are on screen, and drawn by the page. */
      shown: Promise<Shown>;
    };
  }
}

/**
 * Runs in the visit page before its own scripts: on every frame, whether the first row offers its
 * answers yet, whether every row is on screen (live or copied) and whether every row is the live
 * checklist's (times since navigation start), and for every tap the time from the finger lifted
 * to the frame after the click was handled. A tap chooses on release, and from the finger down it
 * would also count how long Playwright's touchscreen holds the finger (two DevTools round trips
 * between touchstart and touchend), which is not the page's doing.
 */
function phoneProbe(expectedRows: number): void {
  if (!location.pathname.startsWith("/inspect/visit")) return;
  let shown: (times: Shown) => void = () => undefined;
  const probe = {
    first: null as number | null,
    all: null as number | null,
    live: null as number | null,
    taps: [] as number[],
    shown: new Promise<Shown>((resolve) => (shown = resolve)),
  };
  window.__phone = probe;
  const frame = () => {
    const items = document.querySelectorAll("li[data-item-key], li[data-snapshot-item-key]");
    const firstRow = items[0];
    if (
      probe.first === null &&
      firstRow &&
      [...firstRow.querySelectorAll("button")].some((b) => b.textContent === "符合")
    ) {
      probe.first = performance.now();
      performance.mark("bench:first-question");
    }
    if (probe.all === null && items.length >= expectedRows) probe.all = performance.now();
    if (
      probe.live === null &&
      document.querySelectorAll("li[data-item-key]").length >= expectedRows
    )
      probe.live = performance.now();
    if (probe.first === null || probe.all === null || probe.live === null)
      requestAnimationFrame(frame);
    else shown({ first: probe.first, all: probe.all, live: probe.live });
  };
  requestAnimationFrame(frame);
  let lifted = 0;
  window.addEventListener("pointerup", (e) => (lifted = e.timeStamp), true);
  window.addEventListener(
    "click",
    () => {
      const started = lifted;
      // The click's updates are committed by the end of its dispatch; the message after the next
      // animation frame runs once that frame has been produced.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.taps.push(performance.now() - started);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/** tsx compiles with esbuild's keepNames, whose `__name` helper the page does not have. */
async function addProbe(context: BrowserContext, expectedRows: number): Promise<void> {
  await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
  await context.addInitScript(phoneProbe, expectedRows);
}

async function addCookie(context: BrowserContext, baseUrl: string, cookie: string): Promise<void> {
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: baseUrl };
    }),
  );
}

async function phoneContext(
  browser: Browser,
  baseUrl: string,
  serviceWorkers: "allow" | "block",
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    serviceWorkers,
  });
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE_CPU_SLOWDOWN });
  return cdp;
}

/** Signs the inspector in, lets the app download its pack, and starts a visit of `template`. */
async function startBenchVisit(
  context: BrowserContext,
  baseUrl: string,
  template: Template,
  withServiceWorker: boolean,
): Promise<string> {
  await addCookie(context, baseUrl, await signInCookie(baseUrl, "inspector1"));
  const setup = await context.newPage();
  await setup.goto("/inspect");
  if (withServiceWorker) await waitForServiceWorker(setup);
  await schoolCard(setup, "示范区实验小学").waitFor();
  const visitId = await startVisit(setup, "示范区实验小学", template.title);
  const total = await rows(setup).count();
  if (total !== template.items.length)
    throw new Error(`expected ${template.items.length} rows, saw ${total}`);
  // As after any visit the inspector has had open: its last screen is kept for the next load.
  await setup.waitForFunction((key) => localStorage.getItem(key) !== null, SNAPSHOT_KEY);
  await setup.close();
  return visitId;
}

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { documentLoaderURL?: string; isOutermostMainFrame?: boolean } };
};

/**
 * Main-thread busy time of the visit page from its navigation start to the first question: the
 * top-level tasks of the renderer thread that recorded FIRST_QUESTION_MARK, as wall time and as
 * the thread's CPU time (which a busy machine inflates less).
 */
function mainThreadBefore(trace: Buffer): { wallMs: number; cpuMs: number } {
  const { traceEvents } = JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] };
  const mark = traceEvents.find((e) => e.name === FIRST_QUESTION_MARK);
  if (!mark) throw new Error("the trace has no first-question mark");
  const onThread = traceEvents.filter((e) => e.pid === mark.pid && e.tid === mark.tid);
  const start = onThread
    .filter((e) => e.name === "navigationStart" && e.ts <= mark.ts)
    .reduce((latest, e) => Math.max(latest, e.ts), 0);
  if (start === 0) throw new Error("the trace has no navigation start before the first question");
  let busy = 0;
  let cpu = 0;
  let coveredUntil = 0;
  const tasks = onThread
    .filter(
      (e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask"),
    )
    .sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    const from = Math.max(task.ts, start, coveredUntil);
    const to = Math.min(task.ts + (task.dur ?? 0), mark.ts);
    if (to > from) {
      busy += to - from;
      cpu += ((task.tdur ?? 0) * (to - from)) / (task.dur || 1);
    }
    coveredUntil = Math.max(coveredUntil, task.ts + (task.dur ?? 0));
  }
  return { wallMs: busy / 1000, cpuMs: cpu / 1000 };
}

function median(values: readonly number[]): number {
  return percentile([...values], 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * Waits for the probe's promise with one plain evaluation. Not page.waitForFunction: its polling
 * injects Playwright's selector engine (a 330 KB script, ~80 ms of the throttled main thread) into
 * the page while the rows are rendering, and so delayed the first question it was measuring.
 */
async function waitForProbe(page: Page): Promise<Shown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the visit did not show its rows in 60 s")), 60_000);
  });
  try {
    return await Promise.race([page.evaluate(() => window.__phone!.shown), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens the visit on the throttled phone, with the service worker installed, OPENS times. */
async function measureVisitOnPhone(
  browser: Browser,
  baseUrl: string,
  template: Template,
): Promise<Omit<PhoneFigures, "visitPageJsBytes" | "visitPageScripts">> {
  const context = await phoneContext(browser, baseUrl, "allow");
  const visitId = await startBenchVisit(context, baseUrl, template, true);
  await addProbe(context, template.items.length);
  const opens: (Shown & { wallMs: number; cpuMs: number })[] = [];
  let page: Page | null = null;
  let cdp: CDPSession | null = null;
  for (let i = 0; i < OPENS; i++) {
    await page?.close();
    page = await context.newPage();
    cdp = await throttle(page);
    await browser.startTracing(page, {
      categories: ["toplevel", "blink.user_timing", "devtools.timeline", "loading"],
    });
    await page.goto(`/inspect/visit?id=${visitId}`);
    const times = await waitForProbe(page);
    const trace = await browser.stopTracing();
    // PHONE_TRACE=<file> keeps the last trace, to open in the Performance panel.
    if (process.env.PHONE_TRACE) fs.writeFileSync(process.env.PHONE_TRACE, trace);
    opens.push({ ...times, ...mainThreadBefore(trace) });
  }

  const optionOf = (i: number) =>
    rows(page!)
      .nth(i)
      .locator("button")
      .filter({ hasText: /^符合$/ });
  for (let i = 0; i < ANSWERS; i++) {
    // As the inspector does: the row scrolled into view and drawn, then the tap. Playwright would
    // otherwise scroll just before its tap, and every third row or so the frame timed would also
    // draw the rows the scroll revealed.
    await optionOf(i).scrollIntoViewIfNeeded();
    await page!.evaluate(
      () => new Promise((shown) => requestAnimationFrame(() => requestAnimationFrame(shown))),
    );
    await optionOf(i).tap();
    await page!.waitForFunction(
      ([name, count]) =>
        (window.__phone?.taps.length ?? 0) >= count &&
        performance.getEntriesByName(name).length >= count,
      [ANSWER_SAVED_MEASURE, i + 1] as const,
    );
  }
  const taps = await page!.evaluate(() => window.__phone!.taps);
  await cdp!.send("HeapProfiler.collectGarbage");
  const heap = (await cdp!.send("Runtime.getHeapUsage")) as { usedSize: number };
  await context.close();
  return {
    firstQuestionMs: median(opens.map((o) => o.first)),
    allRowsMs: median(opens.map((o) => o.all)),
    liveRowsMs: median(opens.map((o) => o.live)),
    tapToFrameP50Ms: percentile(taps, 0.5),
    tapToFrameP90Ms: percentile(taps, 0.9),
    mainThreadBeforeFirstQuestionMs: median(opens.map((o) => o.wallMs)),
    mainThreadCpuBeforeFirstQuestionMs: median(opens.map((o) => o.cpuMs)),
    heapAfterAnswersMb: heap.usedSize / 1024 / 1024,
  };
}

/** Encoded (wire) bytes of `requests`. */
async function wireBytes(requests: Request[]): Promise<number> {
  const sizes = await Promise.all(requests.map(async (r) => (await r.sizes()).responseBodySize));
  return sizes.reduce((a, b) => a + b, 0);
}

/**
 * Every script the visit page fetches, cache empty and no service worker, until its first question
 * can be answered: the page's own chunks and whatever it loads on the way (checklist view, edits).
 */
async function measureVisitPageJs(
  browser: Browser,
  baseUrl: string,
  template: Template,
): Promise<{ bytes: number; scripts: number }> {
  const context = await phoneContext(browser, baseUrl, "block");
  const visitId = await startBenchVisit(context, baseUrl, template, false);
  await addProbe(context, template.items.length);
  const page = await context.newPage();
  const cdp = await throttle(page);
  // The setup page fetched the same chunks: start from an empty cache, as a first visit does.
  await cdp.send("Network.clearBrowserCache");
  const scripts: Request[] = [];
  let isInteractive = false;
  page.on("request", (request) => {
    if (!isInteractive && request.resourceType() === "script") scripts.push(request);
  });
  await page.goto(`/inspect/visit?id=${visitId}`);
  // The live checklist's first answers, not the snapshot's: what the page loads to be interactive.
  await page.waitForFunction(
    () => document.querySelector("li[data-item-key] button[data-answer]") !== null,
    undefined,
    { timeout: 60_000 },
  );
  isInteractive = true;
  await page.waitForLoadState("networkidle");
  const bytes = await wireBytes(scripts);
  await context.close();
  return { bytes, scripts: scripts.length };
}

export async function measurePhone(
  browser: Browser,
  baseUrl: string,
  template: Template,
): Promise<PhoneFigures> {
  const js = await measureVisitPageJs(browser, baseUrl, template);
  const phone = await measureVisitOnPhone(browser, baseUrl, template);
  return { ...phone, visitPageJsBytes: js.bytes, visitPageScripts: js.scripts };
}

/**
 * The sign-in page, signed out, cache empty, at 4×: the scripts it fetches until the load event
 * and network quiet, and its total blocking time (the part over 50 ms of every long task after the
 * first contentful paint, until two quiet seconds after the network settles).
 */
export async function measureSignIn(browser: Browser, baseUrl: string): Promise<SignInFigures> {
  const context = await phoneContext(browser, baseUrl, "block");
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
  });
  const page = await context.newPage();
  const cdp = await throttle(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts: Request[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request);
  });
  await page.goto("/login", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "登录" }).waitFor();
  await page.waitForTimeout(2000);
  const totalBlockingMs = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] })
      .__longTasks;
    return tasks
      .filter((t) => t.start >= fcp)
      .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  });
  const jsBytes = await wireBytes(scripts);
  await context.close();
  return { jsBytes, totalBlockingMs };
}
