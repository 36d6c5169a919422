"use client";

/**
 * One visit on the phone: its header, the applicable checklist, the answers and photos, and the
 * edits (visit-actions.ts). Every edit is shown at once and stored at once — the record and its
 * outbox mutation in one IndexedDB transaction (the stores do that) — in the order it was made, so
 * closing the tab loses nothing. Answers keep their object identity until they change, so a
 * memoized row re-renders only when its own answer does.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { toChinaDate } from "@/lib/domain/dates";
import type { Id } from "@/lib/domain/ids";
import type { User } from "@/lib/domain/org/org.schema";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import type { Template } from "@/lib/domain/template/template.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import {
  buildChecklist,
  itemKey,
  type Checklist,
  type ItemKey,
} from "@/lib/domain/visit/checklist";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { PhotoMeta, Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import type { AppStores } from "@/lib/offline/stores";
import type { StoredPhoto } from "@/lib/offline/visit-reads";

import { afterNextFrame, whenIdle } from "./after-page-load";
import { trackWrite } from "./pending-writes";
import { ensurePersistentStorage } from "./persistent-storage";
import { announceLocalWrite, openAppData, storageErrorMessage, useDataVersion } from "./use-app-db";
import { createPhotoStateStore, type PhotoStateStore } from "./use-photos";
import type * as visitActionsExports from "./visit-actions";
import type { VisitActionDeps, VisitActions } from "./visit-actions";
import { readVisit, takePreloadedVisit, type LoadedVisit } from "./visit-read";

export type { BulkPass, VisitActions } from "./visit-actions";

/** What does not change while the visit is open. */
export type VisitContext = {
  school: PackSchool;
  templates: Template[];
  checklist: Checklist;
  /** The district's rule for default deadlines (the pack does not carry one yet: the default). */
  policy: DeadlinePolicy;
  /** The visit's China date, from which default due dates count. */
  visitDate: DateString;
};

export type UseVisit =
  | { status: "loading" }
  | { status: "missing"; reason: string }
  | {
      status: "ready";
      context: VisitContext;
      visit: Visit;
      answers: ReadonlyMap<ItemKey, VisitAnswer>;
      photos: PhotoStateStore;
      actions: VisitActions;
      /** The last edit that could not be stored, in Chinese; cleared by the next successful one. */
      saveError: string | null;
      clearSaveError: () => void;
    };

/** Keeps the on-screen object of every answer that did not change, so its row is not re-rendered. */
function mergeAnswers(
  current: ReadonlyMap<ItemKey, VisitAnswer>,
  stored: readonly VisitAnswer[],
): Map<ItemKey, VisitAnswer> {
  return new Map(
    stored.map((answer) => {
      const key = itemKey(answer.templateCode, answer.itemCode);
      const shown = current.get(key);
      return [key, shown && shown.answeredAt === answer.answeredAt ? shown : answer];
    }),
  );
}

/** Whether `next` holds the very answers `current` does (mergeAnswers keeps unchanged ones). */
function sameAnswers(
  current: ReadonlyMap<ItemKey, VisitAnswer>,
  next: ReadonlyMap<ItemKey, VisitAnswer>,
): boolean {
  return current.size === next.size && [...next].every(([key, a]) => current.get(key) === a);
}

/** Whether `next` shows the same photos, in the same upload state, as `current`. */
function samePhotos(
  current: ReadonlyMap<PhotoId, StoredPhoto>,
  next: readonly StoredPhoto[],
): boolean {
  return (
    current.size === next.length &&
    next.every((photo) => {
      const shown = current.get(photo.meta.id);
      return shown?.uploadState === photo.uploadState && shown.uploadError === photo.uploadError;
    })
  );
}

type VisitActionsModule = typeof visitActionsExports;
let visitActionsModule: VisitActionsModule | null = null;

function loadVisitActions(): Promise<VisitActionsModule> {
  return import("./visit-actions").then((module) => (visitActionsModule = module));
}

const NOT_LOADED = "检查页面未能完整加载：请联网后重新打开";

/**
 * The edits' code (visit-actions.ts) brings the domain's schemas (zod), so it is loaded once the
 * first question is on screen (issue #10) rather than before. Until it is there, an edit waits for
 * it; edits made meanwhile run in the order they were made.
 */
function deferredActions(deps: VisitActionDeps): VisitActions {
  let actions: VisitActions | null = null;
  let loading: Promise<VisitActions> | null = null;
  const load = () => {
    loading ??= loadVisitActions().then(
      (module) => (actions ??= module.createVisitActions(deps)),
      (error: unknown) => {
        loading = null; // the next edit tries again
        throw error;
      },
    );
    return loading;
  };
  const loaded = (): VisitActions | null =>
    (actions ??= visitActionsModule?.createVisitActions(deps) ?? null);
  function edit(act: (loaded: VisitActions) => void): void {
    const now = loaded();
    if (now) act(now);
    else load().then(act, () => deps.showSaveError(NOT_LOADED));
  }
  async function task<T>(act: (loaded: VisitActions) => Promise<T>, failed: T): Promise<T> {
    const now = loaded();
    if (now) return act(now);
    return load().then(act, () => {
      deps.showSaveError(NOT_LOADED);
      return failed;
    });
  }
  return {
    edit: (key, change) => edit((a) => a.edit(key, change)),
    passRest: (keys) => task((a) => a.passRest(keys), null),
    undoPass: (pass) => task((a) => a.undoPass(pass), false),
    addPhoto: (key, file, purpose) =>
      task((a) => a.addPhoto(key, file, purpose), { ok: false, message: NOT_LOADED }),
    annotatePhoto: (key, photoId, shapes, purpose) =>
      task((a) => a.annotatePhoto(key, photoId, shapes, purpose), NOT_LOADED),
    removePhoto: (key, photoId, purpose) => edit((a) => a.removePhoto(key, photoId, purpose)),
    updateHeader: (patch) => edit((a) => a.updateHeader(patch)),
    sign: (png, signer) => task((a) => a.sign(png, signer), NOT_LOADED),
    clearSignature: (role) => edit((a) => a.clearSignature(role)),
    submit: () => task((a) => a.submit(), { ok: false, reason: NOT_LOADED }),
  };
}

function contextOf(loaded: Extract<LoadedVisit, { kind: "found" }>): VisitContext {
  return {
    school: loaded.school,
    templates: loaded.templates,
    checklist: buildChecklist(loaded.templates, loaded.school, loaded.visit.excludedSections),
    policy: loaded.policy,
    visitDate: toChinaDate(loaded.visit.startedAt),
  };
}

export function useVisit(visitId: Id | null, inspector: User): UseVisit {
  const version = useDataVersion();
  // A preload that has already arrived is the first state, so the rows render on the first pass.
  const [first] = useState(() => takePreloadedVisit(visitId));
  const arrived = first?.result ?? null;
  const found = arrived?.kind === "found" ? arrived : null;
  const [missing, setMissing] = useState<string | null>(
    arrived?.kind === "missing" ? arrived.reason : null,
  );
  const [context, setContext] = useState<VisitContext | null>(() =>
    found ? contextOf(found) : null,
  );
  const [visit, setVisit] = useState<Visit | null>(found?.visit ?? null);
  const [answers, setAnswers] = useState<ReadonlyMap<ItemKey, VisitAnswer>>(() =>
    found ? mergeAnswers(new Map(), found.answers) : new Map(),
  );
  const [saveError, setSaveError] = useState<string | null>(null);
  const photos = useMemo(
    () => createPhotoStateStore(new Map(found?.photos.map((p) => [p.meta.id, p]))),
    [found],
  );

  const contextRef = useRef<VisitContext | null>(context);
  const visitRef = useRef<Visit | null>(visit);
  const answersRef = useRef<ReadonlyMap<ItemKey, VisitAnswer>>(answers);
  /** The first read: already shown (arrived), still on its way (pending), or not preloaded. */
  const firstRead = useRef<Promise<LoadedVisit> | "shown" | null>(
    arrived ? "shown" : (first?.read ?? null),
  );
  /** Bumped by every edit: a read that started before an edit must not overwrite it. */
  const editSeq = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [reloadToken, setReloadToken] = useState(0);

  const showVisit = useCallback((next: Visit) => {
    visitRef.current = next;
    setVisit(next);
  }, []);
  const showAnswers = useCallback((next: ReadonlyMap<ItemKey, VisitAnswer>) => {
    answersRef.current = next;
    setAnswers(next);
  }, []);
  const showPhoto = useCallback(
    (meta: PhotoMeta) => {
      const existing = photos.get(meta.id);
      photos.replace(
        new Map(photos.all()).set(
          meta.id,
          existing ?? { meta, uploadState: "pending", uploadError: null },
        ),
      );
    },
    [photos],
  );

  useEffect(() => {
    if (visitId === null) return;
    let isCurrent = true;
    const seqAtStart = editSeq.current;
    const pending = firstRead.current;
    firstRead.current = null;
    if (pending === "shown") return;
    void (pending ?? readVisit(visitId)).then(
      (loaded) => {
        if (!isCurrent) return;
        if (loaded.kind === "missing") {
          setMissing(loaded.reason);
          return;
        }
        // A sync ends with every screen re-reading; most often nothing here changed, and then
        // nothing is set, so the checklist does not render again (a tap then would wait for it).
        if (!samePhotos(photos.all(), loaded.photos))
          photos.replace(new Map(loaded.photos.map((p) => [p.meta.id, p])));
        if (editSeq.current !== seqAtStart) return;
        if (contextRef.current === null) {
          const next = contextOf(loaded);
          contextRef.current = next;
          setContext(next);
        }
        if (JSON.stringify(loaded.visit) !== JSON.stringify(visitRef.current))
          showVisit(loaded.visit);
        const answersNow = mergeAnswers(answersRef.current, loaded.answers);
        if (!sameAnswers(answersRef.current, answersNow)) showAnswers(answersNow);
      },
      (error: unknown) => {
        if (isCurrent) setMissing(storageErrorMessage(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [visitId, version, reloadToken, photos, showVisit, showAnswers]);

  /**
   * Queues a write after the ones before it; on failure shows why and re-reads what is stored.
   * The edit is on screen first: its write (checked against the record's schema, then stored with
   * its outbox entry) starts after the frame that shows it — a few ms of a tap at 4× CPU throttle.
   */
  const persist = useCallback((write: (stores: AppStores) => Promise<void>): Promise<boolean> => {
    editSeq.current += 1;
    const run = queue.current.then(afterNextFrame).then(async () => {
      const { stores } = await openAppData();
      await write(stores);
    });
    const settled = run.then(
      () => {
        setSaveError(null);
        announceLocalWrite();
        ensurePersistentStorage();
        return true;
      },
      (error: unknown) => {
        setSaveError(`未能保存：${storageErrorMessage(error)}`);
        setReloadToken((n) => n + 1);
        return false;
      },
    );
    queue.current = settled;
    return trackWrite(settled);
  }, []);

  const isOpen = context !== null && visit !== null;
  // The edits' code, once the first question has been painted and the page is idle (see above).
  useEffect(() => {
    if (!isOpen || visitActionsModule !== null) return;
    const load = () => void loadVisitActions().catch(() => setMissing(NOT_LOADED));
    const frame = requestAnimationFrame(() => void whenIdle(load, 1_000));
    return () => cancelAnimationFrame(frame);
  }, [isOpen]);

  // Stable while the visit is open; the getters read the refs only when an edit runs.
  const actions = useMemo(
    () =>
      // eslint-disable-next-line react-hooks/refs -- read when an edit runs, never while rendering
      deferredActions({
        inspectorId: inspector.id,
        inspectorName: inspector.name,
        visit: () => visitRef.current,
        context: () => contextRef.current,
        answers: () => answersRef.current,
        showVisit,
        showAnswers,
        showPhoto,
        showSaveError: setSaveError,
        persist,
      }),
    [inspector.id, inspector.name, persist, showAnswers, showPhoto, showVisit],
  );

  const clearSaveError = useCallback(() => setSaveError(null), []);

  if (visitId === null) return { status: "missing", reason: "链接中缺少检查编号" };
  if (missing !== null) return { status: "missing", reason: missing };
  if (context === null || visit === null) return { status: "loading" };
  return { status: "ready", context, visit, answers, photos, actions, saveError, clearSaveError };
}
