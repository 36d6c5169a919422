/**
 * Reading an open visit from IndexedDB: the visit, its school, templates, answers and photos and
 * the deadline rule, without zod when every record passes the cheap check (visit-reads.ts). A
 * page load starts it before hydration (preloadVisit, from components/inspect/visit-preload.ts);
 * this module is kept to the read so that that early import brings little beyond it.
 */
import type { Id } from "@/lib/domain/ids";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import type { Template } from "@/lib/domain/template/template.schema";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import {
  FullReadNeeded,
  quickVisitReads,
  storeVisitReads,
  type StoredPhoto,
  type VisitReads,
} from "@/lib/offline/visit-reads";

import { openAppData, openDatabase } from "./use-app-db";

export type LoadedVisit =
  | { kind: "missing"; reason: string }
  | {
      kind: "found";
      visit: Visit;
      school: PackSchool;
      templates: Template[];
      answers: VisitAnswer[];
      photos: StoredPhoto[];
      policy: DeadlinePolicy;
    };

async function loadVisit(reads: VisitReads, visitId: Id): Promise<LoadedVisit> {
  const visit = await reads.visit(visitId);
  if (!visit) return { kind: "missing", reason: "本机没有这次检查的记录" };
  const [policy, school, answers, photos, ...templates] = await Promise.all([
    reads.deadlinePolicy(),
    reads.school(visit.schoolId),
    reads.answers(visitId),
    reads.photos(visitId),
    ...visit.templates.map((ref) => reads.template(ref)),
  ]);
  if (!school)
    return { kind: "missing", reason: "检查包中没有该学校：请联网后在“我的学校”下载检查包" };
  const found = templates.filter((t): t is Template => t !== undefined);
  const missing = visit.templates.find(
    (ref) => !found.some((t) => t.code === ref.code && t.version === ref.version),
  );
  if (missing) {
    return {
      kind: "missing",
      reason: `本机缺少检查表 ${missing.code}（第 ${missing.version} 版）：请联网后下载检查包`,
    };
  }
  return { kind: "found", visit, school, templates: found, answers, photos, policy };
}

/**
 * Reads the visit without zod when every record passes the cheap check (visit-reads.ts), and
 * through the stores, which parse in full, when one does not.
 */
export function readVisit(visitId: Id): Promise<LoadedVisit> {
  return openDatabase()
    .then((db) => loadVisit(quickVisitReads(db), visitId))
    .catch(async (error: unknown) => {
      if (!(error instanceof FullReadNeeded)) throw error;
      const { stores } = await openAppData();
      return loadVisit(storeVisitReads(stores), visitId);
    });
}

/** A first read started before the screen mounted, and its result once it has arrived. */
type Preloaded = { visitId: Id; read: Promise<LoadedVisit>; result: LoadedVisit | null };
let preloaded: Preloaded | null = null;
/** A visit screen has opened in this page load: a read started after that could be stale for the next one. */
let hasOpened = false;

/**
 * Starts reading the visit from IndexedDB before the page hydrates (issue #10;
 * components/inspect/visit-preload.ts), in parallel with the framework's start-up and the role
 * check: the screen that mounts later starts from what has arrived by then instead of starting
 * the chain itself. Only before the first screen opens: later screens read afresh.
 */
export function preloadVisit(visitId: Id): void {
  if (hasOpened || preloaded !== null) return;
  const entry: Preloaded = {
    visitId,
    read: readVisit(visitId),
    result: null,
  };
  entry.read.then(
    (result) => (entry.result = result),
    () => undefined,
  );
  preloaded = entry;
}

/** The preload of this visit for the first screen that opens; none for any later one. */
export function takePreloadedVisit(visitId: Id | null): Preloaded | null {
  hasOpened = true;
  const entry = preloaded?.visitId === visitId ? preloaded : null;
  preloaded = null;
  return entry;
}
