"use client";

/**
 * One visit on the phone: its header, the applicable checklist, the answers and photos, and the
 * edits. Every edit is shown at once and stored at once — the record and its outbox mutation in
 * one IndexedDB transaction (the stores do that) — in the order it was made, so closing the tab
 * loses nothing. Answers keep their object identity until they change, so a memoized row
 * re-renders only when its own answer does.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { toChinaDate } from "@/lib/domain/dates";
import type { Id } from "@/lib/domain/ids";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import { defaultFindingChoice } from "@/lib/domain/template/findings";
import type { Template } from "@/lib/domain/template/template.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import { editAnswer, withAfterPhoto, type AnswerEdit } from "@/lib/domain/visit/answer-edit";
import {
  buildChecklist,
  itemKey,
  submitBlockers,
  type Checklist,
  type ItemKey,
  type SubmitBlocker,
} from "@/lib/domain/visit/checklist";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import { registerPhoto, setAnswer, submitVisit, updateVisit } from "@/lib/domain/visit/visit";
import type {
  PhotoMeta,
  PhotoPurpose,
  SchoolSignature,
  Visit,
  VisitAnswer,
  VisitPatch,
} from "@/lib/domain/visit/visit.schema";
import type { User } from "@/lib/domain/org/org.schema";
import type { AppStores } from "@/lib/offline/stores";
import type { StoredPhoto } from "@/lib/offline/photo-store";
import type { ProcessedImage } from "@/lib/photos/process-photo";
import { systemClock } from "@/lib/utils/clock";
import { ANSWER_SAVED_MEASURE } from "@/lib/utils/perf-marks";
import { newId } from "@/lib/utils/ids";

import { announceLocalWrite, openAppData, storageErrorMessage, useDataVersion } from "./use-app-db";
import { flushPendingWrites, trackWrite } from "./pending-writes";
import { createPhotoStateStore, type PhotoStateStore } from "./use-photos";
import { ensurePersistentStorage } from "./use-storage-health";
import { syncNow } from "./use-sync";

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

export type SignatureRole = "inspector" | "school";
export type Signer = { name: string; title?: string };

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; blockers: SubmitBlocker[]; reason?: never }
  | { ok: false; reason: string; blockers?: never };

export type VisitActions = {
  edit(key: ItemKey, edit: AnswerEdit): void;
  /** Processes (compresses, watermarks, hashes) and stores a photo; resolves to an error message or null. */
  addPhoto(key: ItemKey, file: File, purpose: "answer" | "after"): Promise<string | null>;
  removePhoto(key: ItemKey, photoId: PhotoId, purpose: "answer" | "after"): void;
  updateHeader(patch: VisitPatch): void;
  sign(role: SignatureRole, png: Blob, signer: Signer): Promise<string | null>;
  clearSignature(role: SignatureRole): void;
  submit(): Promise<SubmitOutcome>;
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

type Loaded =
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

async function loadVisit(stores: AppStores, visitId: Id): Promise<Loaded> {
  const visit = await stores.visits.get(visitId);
  if (!visit) return { kind: "missing", reason: "本机没有这次检查的记录" };
  const [policy, school, answers, photos, ...templates] = await Promise.all([
    stores.meta.getDeadlinePolicy(),
    stores.pack.getSchool(visit.schoolId),
    stores.answers.listForVisit(visitId),
    stores.photos.listForVisit(visitId),
    ...visit.templates.map((ref) => stores.pack.getTemplate(ref)),
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

/** Loaded on the first photo: keeps the image pipeline out of the checklist's first-load JS. */
function loadPhotoPipeline() {
  return import("@/lib/photos/process-photo");
}

function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

export function useVisit(visitId: Id | null, inspector: User): UseVisit {
  const version = useDataVersion();
  const [missing, setMissing] = useState<string | null>(null);
  const [context, setContext] = useState<VisitContext | null>(null);
  const [visit, setVisit] = useState<Visit | null>(null);
  const [answers, setAnswers] = useState<ReadonlyMap<ItemKey, VisitAnswer>>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);
  const photos = useMemo(() => createPhotoStateStore(new Map()), []);

  const contextRef = useRef<VisitContext | null>(null);
  const visitRef = useRef<Visit | null>(null);
  const answersRef = useRef<ReadonlyMap<ItemKey, VisitAnswer>>(answers);
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
    void openAppData()
      .then(({ stores }) => loadVisit(stores, visitId))
      .then(
        (loaded) => {
          if (!isCurrent) return;
          if (loaded.kind === "missing") {
            setMissing(loaded.reason);
            return;
          }
          photos.replace(new Map(loaded.photos.map((p) => [p.meta.id, p])));
          if (editSeq.current !== seqAtStart) return;
          if (contextRef.current === null) {
            const next: VisitContext = {
              school: loaded.school,
              templates: loaded.templates,
              checklist: buildChecklist(loaded.templates, loaded.school),
              policy: loaded.policy,
              visitDate: toChinaDate(loaded.visit.startedAt),
            };
            contextRef.current = next;
            setContext(next);
          }
          showVisit(loaded.visit);
          showAnswers(mergeAnswers(answersRef.current, loaded.answers));
        },
        (error: unknown) => {
          if (isCurrent) setMissing(storageErrorMessage(error));
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [visitId, version, reloadToken, photos, showVisit, showAnswers]);

  /** Queues a write after the ones before it; on failure shows why and re-reads what is stored. */
  const persist = useCallback((write: (stores: AppStores) => Promise<void>): Promise<boolean> => {
    editSeq.current += 1;
    const run = queue.current.then(async () => {
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

  const actions = useMemo((): VisitActions => {
    const draft = (): Visit | null => {
      const current = visitRef.current;
      return current && current.status === "draft" ? current : null;
    };

    function edit(key: ItemKey, change: AnswerEdit): void {
      const current = draft();
      const entry = contextRef.current?.checklist.byKey.get(key);
      if (!current || !entry) return;
      const input = editAnswer(entry.templateCode, entry.item, answersRef.current.get(key), change);
      const saved = setAnswer(current, input, newId, systemClock.now());
      if (!saved.ok) {
        setSaveError(saved.reason);
        return;
      }
      const tappedAt = performance.now();
      showAnswers(new Map(answersRef.current).set(key, saved.answer));
      void persist((stores) => stores.answers.saveWithMutation(saved.answer, saved.mutation)).then(
        (isSaved) => {
          // Tap-to-durable time, readable by `npm run bench` (and any field monitoring) via the Performance API.
          if (isSaved) performance.measure(ANSWER_SAVED_MEASURE, { start: tappedAt });
        },
      );
    }

    /** The finding as it stands, or the item's defaults (what the panel shows before any change). */
    function findingOf(key: ItemKey) {
      const ctx = contextRef.current;
      const entry = ctx?.checklist.byKey.get(key);
      if (!ctx || !entry) return null;
      return (
        answersRef.current.get(key)?.finding ??
        defaultFindingChoice(entry.item, ctx.policy, ctx.visitDate)
      );
    }

    async function storeImage(
      image: ProcessedImage,
      purpose: PhotoPurpose,
    ): Promise<string | null> {
      const current = draft();
      if (!current) return "检查已提交，不能再修改";
      const now = systemClock.now();
      const meta: PhotoMeta = {
        id: image.id,
        visitId: current.id,
        mime: image.mime,
        bytes: image.bytes,
        width: image.width,
        height: image.height,
        capturedAt: now,
        takenBy: inspector.id,
        location: current.location,
        purpose,
      };
      const registered = registerPhoto(current, meta, newId, now);
      if (!registered.ok) return registered.reason;
      showPhoto(meta);
      // Stored before anything refers to it: its thumbnail is there when the row shows it.
      const isStored = await persist((stores) =>
        stores.photos.saveWithMutation(
          { meta, blob: image.blob, thumbnail: image.thumbnail },
          registered.mutation,
        ),
      );
      return isStored ? null : "照片未能保存到本机";
    }

    function updateHeader(patch: VisitPatch): void {
      const current = draft();
      if (!current) return;
      const change = updateVisit(current, patch, newId, systemClock.now());
      if (!change.ok) {
        setSaveError(change.reason);
        return;
      }
      showVisit(change.visit);
      void persist((stores) => stores.visits.saveWithMutation(change.visit, change.mutation));
    }

    return {
      edit,
      updateHeader,

      async addPhoto(key, file, purpose) {
        const ctx = contextRef.current;
        if (!ctx || !draft()) return "检查已提交，不能再修改";
        let image: ProcessedImage;
        try {
          const { processPhoto } = await loadPhotoPipeline();
          image = await processPhoto(file, {
            schoolName: ctx.school.name,
            takenBy: `督学 ${inspector.name}`,
            takenAt: systemClock.now(),
          });
        } catch (error) {
          return errorText(error, "这张照片无法处理，请重新拍摄");
        }
        const failure = await storeImage(image, purpose === "after" ? "after" : "answer");
        if (failure) return failure;
        if (purpose === "answer") {
          edit(key, { kind: "addPhoto", photoId: image.id });
        } else {
          const finding = findingOf(key);
          if (finding)
            edit(key, { kind: "finding", finding: withAfterPhoto(finding, image.id, "add") });
        }
        return null;
      },

      removePhoto(key, photoId, purpose) {
        if (purpose === "answer") {
          edit(key, { kind: "removePhoto", photoId });
          return;
        }
        const finding = findingOf(key);
        if (finding)
          edit(key, { kind: "finding", finding: withAfterPhoto(finding, photoId, "remove") });
      },

      async sign(role, png, signer) {
        let image: ProcessedImage;
        try {
          const { processSignature } = await loadPhotoPipeline();
          image = await processSignature(png);
        } catch (error) {
          return errorText(error, "签名无法保存，请重新签名");
        }
        const failure = await storeImage(image, "signature");
        const current = draft();
        if (failure || !current) return failure ?? "检查已提交，不能再修改";
        const signedAt = systemClock.now();
        const signatures =
          role === "inspector"
            ? {
                ...current.signatures,
                inspector: { photoId: image.id, name: signer.name, signedAt },
              }
            : {
                ...current.signatures,
                school: {
                  photoId: image.id,
                  name: signer.name,
                  signedAt,
                  ...(signer.title ? { title: signer.title } : {}),
                } satisfies SchoolSignature,
              };
        updateHeader({ signatures });
        return null;
      },

      clearSignature(role) {
        const current = draft();
        if (current) updateHeader({ signatures: { ...current.signatures, [role]: null } });
      },

      async submit() {
        await flushPendingWrites();
        const current = draft();
        const ctx = contextRef.current;
        if (!current || !ctx) return { ok: false, reason: "检查已提交" };
        const blockers = submitBlockers({
          visit: current,
          templates: ctx.templates,
          school: ctx.school,
          answers: [...answersRef.current.values()],
          policy: ctx.policy,
        });
        if (blockers.length > 0) return { ok: false, blockers };
        const change = submitVisit(
          current,
          { signatures: current.signatures, summary: current.summary },
          newId,
          systemClock.now(),
        );
        if (!change.ok) return { ok: false, reason: change.reason };
        const isStored = await persist((stores) =>
          stores.visits.saveWithMutation(change.visit, change.mutation),
        );
        if (!isStored) return { ok: false, reason: "提交未能保存到本机，请重试" };
        showVisit(change.visit);
        void syncNow();
        return { ok: true };
      },
    };
  }, [inspector.id, inspector.name, persist, showAnswers, showPhoto, showVisit]);

  const clearSaveError = useCallback(() => setSaveError(null), []);

  if (visitId === null) return { status: "missing", reason: "链接中缺少检查编号" };
  if (missing !== null) return { status: "missing", reason: missing };
  if (context === null || visit === null) return { status: "loading" };
  return { status: "ready", context, visit, answers, photos, actions, saveError, clearSaveError };
}
