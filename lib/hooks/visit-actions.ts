"use client";

/**
 * What the inspector does to an open visit: answer, photograph, sign and submit. Every edit is
 * shown at once and then stored through `persist` (in order, record and outbox mutation together).
 * useVisit loads this module alongside the visit's IndexedDB read, so the page's first load does
 * not carry it: the edits are needed once the checklist shows, not before.
 */
import type { z } from "zod";

import type { answerSaveMutationSchema } from "@/lib/domain/mutations";
import { annotatedCopyMeta, annotationSource } from "@/lib/domain/photo/annotated-copy";
import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import { defaultFindingChoice } from "@/lib/domain/template/findings";
import {
  blankAnswer,
  editAnswer,
  withAfterPhoto,
  type AnswerEdit,
  type PhotoChange,
} from "@/lib/domain/visit/answer-edit";
import { submitBlockers, type ItemKey, type SubmitBlocker } from "@/lib/domain/visit/checklist";
import { bulkPassKeys } from "@/lib/domain/visit/scope";
import {
  registerPhoto,
  setAnswer,
  submitVisit,
  updateVisit,
  type AnswerInput,
} from "@/lib/domain/visit/visit";
import type {
  PhotoMeta,
  PhotoPurpose,
  SchoolSignature,
  Visit,
  VisitAnswer,
  VisitPatch,
} from "@/lib/domain/visit/visit.schema";
import type { AppStores } from "@/lib/offline/stores";
import type { ProcessedImage } from "@/lib/photos/process-photo";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";
import { ANSWER_SAVED_MEASURE } from "@/lib/utils/perf-marks";

import { flushPendingWrites } from "./pending-writes";
import { openAppData } from "./use-app-db";
import { syncNow } from "./use-sync";
import type { VisitContext } from "./use-visit";

type AnswerSaveMutation = z.infer<typeof answerSaveMutationSchema>;

export type SignatureRole = "inspector" | "school";
/**
 * Who signs: the school's signer by name and post; the inspector's own name always comes from the
 * account, optionally with a second inspector's name.
 */
export type Signer =
  { role: "inspector"; coInspectorName?: string } | { role: "school"; name: string; title: string };

/** The photos of an item the inspector takes: of the finding itself, or after the on-site action. */
export type EvidencePurpose = "answer" | "after";

export type PhotoAdded = { ok: true; photoId: PhotoId } | { ok: false; message: string };

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; blockers: SubmitBlocker[]; reason?: never }
  | { ok: false; reason: string; blockers?: never };

/** What "本节其余项符合" changed, so that it can be undone. */
export type BulkPass = {
  count: number;
  /** Each marked item's answer before, and the answer the action saved. */
  changes: { key: ItemKey; before: VisitAnswer | undefined; after: VisitAnswer }[];
};

export type VisitActions = {
  edit(key: ItemKey, edit: AnswerEdit): void;
  /**
   * Marks the unanswered 符合/不符合 items among `keys` 符合, saved as one IndexedDB transaction
   * with their outbox entries; null when there was nothing to mark or it could not be saved.
   */
  passRest(keys: readonly ItemKey[]): Promise<BulkPass | null>;
  /** Puts back the answers a bulk pass replaced, except those changed by hand since. */
  undoPass(pass: BulkPass): Promise<boolean>;
  /** Processes (compresses, watermarks, hashes) and stores a photo; resolves to its id or an error message. */
  addPhoto(key: ItemKey, file: File, purpose: EvidencePurpose): Promise<PhotoAdded>;
  removePhoto(key: ItemKey, photoId: PhotoId, purpose: EvidencePurpose): void;
  /**
   * Draws `shapes` on the original of `photoId` and puts the annotated copy in its place as the
   * item's evidence; no shapes puts the original back. The original stays stored either way.
   * Resolves to an error message or null.
   */
  annotatePhoto(
    key: ItemKey,
    photoId: PhotoId,
    shapes: AnnotationShape[],
    purpose: EvidencePurpose,
  ): Promise<string | null>;
  updateHeader(patch: VisitPatch): void;
  sign(png: Blob, signer: Signer): Promise<string | null>;
  clearSignature(role: SignatureRole): void;
  submit(): Promise<SubmitOutcome>;
};

/** The open visit's state as useVisit holds it: read when an action runs, shown when it changes. */
export type VisitActionDeps = {
  inspectorId: string;
  inspectorName: string;
  visit: () => Visit | null;
  context: () => VisitContext | null;
  answers: () => ReadonlyMap<ItemKey, VisitAnswer>;
  showVisit: (next: Visit) => void;
  showAnswers: (next: ReadonlyMap<ItemKey, VisitAnswer>) => void;
  showPhoto: (meta: PhotoMeta) => void;
  showSaveError: (reason: string) => void;
  /** Queues a write after the ones before it; false when it failed (the error is shown). */
  persist: (write: (stores: AppStores) => Promise<void>) => Promise<boolean>;
};

/** Loaded on the first photo: keeps the image pipeline out of the checklist's first-load JS. */
function loadPhotoPipeline() {
  return import("@/lib/photos/process-photo");
}

function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

export function createVisitActions(deps: VisitActionDeps): VisitActions {
  const { persist, showAnswers, showPhoto, showVisit, showSaveError } = deps;
  const draft = (): Visit | null => {
    const current = deps.visit();
    return current && current.status === "draft" ? current : null;
  };

  function edit(key: ItemKey, change: AnswerEdit): void {
    const current = draft();
    const entry = deps.context()?.checklist.byKey.get(key);
    if (!current || !entry) return;
    const input = editAnswer(entry.templateCode, entry.item, deps.answers().get(key), change);
    const saved = setAnswer(current, input, newId, systemClock.now());
    if (!saved.ok) {
      showSaveError(saved.message);
      return;
    }
    const tappedAt = performance.now();
    showAnswers(new Map(deps.answers()).set(key, saved.answer));
    void persist((stores) => stores.answers.saveWithMutation(saved.answer, saved.mutation)).then(
      (isSaved) => {
        // Tap-to-durable time, readable by `npm run bench` (and any field monitoring) via the Performance API.
        if (isSaved) performance.measure(ANSWER_SAVED_MEASURE, { start: tappedAt });
      },
    );
  }

  /** Saves several answers as one action: shown at once, stored in one transaction. */
  async function saveAll(inputs: readonly { key: ItemKey; input: AnswerInput }[]) {
    const current = draft();
    if (!current || inputs.length === 0) return null;
    const now = systemClock.now();
    const saved: { key: ItemKey; answer: VisitAnswer; mutation: AnswerSaveMutation }[] = [];
    for (const { key, input } of inputs) {
      const change = setAnswer(current, input, newId, now);
      if (!change.ok) {
        showSaveError(change.message);
        return null;
      }
      saved.push({ key, answer: change.answer, mutation: change.mutation });
    }
    const shown = new Map(deps.answers());
    for (const { key, answer } of saved) shown.set(key, answer);
    showAnswers(shown);
    const isSaved = await persist((stores) => stores.answers.saveAllWithMutations(saved));
    return isSaved ? saved : null;
  }

  /** The finding as it stands, or the item's defaults (what the panel shows before any change). */
  function findingOf(key: ItemKey) {
    const ctx = deps.context();
    const entry = ctx?.checklist.byKey.get(key);
    if (!ctx || !entry) return null;
    return (
      deps.answers().get(key)?.finding ??
      defaultFindingChoice(entry.item, ctx.policy, ctx.visitDate)
    );
  }

  async function storeImage(image: ProcessedImage, purpose: PhotoPurpose): Promise<string | null> {
    const current = draft();
    if (!current) return "检查已提交，不能再修改";
    return storePhoto(current, image, {
      id: image.id,
      visitId: current.id,
      mime: image.mime,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      capturedAt: systemClock.now(),
      takenBy: deps.inspectorId,
      location: current.location,
      purpose,
    });
  }

  async function storePhoto(
    current: Visit,
    image: ProcessedImage,
    meta: PhotoMeta,
  ): Promise<string | null> {
    const now = systemClock.now();
    const registered = registerPhoto(current, meta, newId, now);
    if (!registered.ok) return registered.message;
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

  /** Puts one photo of an item in the place of another, or removes or adds one. */
  function changePhoto(
    key: ItemKey,
    photoId: PhotoId,
    change: PhotoChange,
    purpose: EvidencePurpose,
  ): void {
    if (purpose === "answer") {
      edit(
        key,
        typeof change === "object"
          ? { kind: "replacePhoto", photoId, by: change.replaceBy }
          : change === "add"
            ? { kind: "addPhoto", photoId }
            : { kind: "removePhoto", photoId },
      );
      return;
    }
    const finding = findingOf(key);
    if (finding) edit(key, { kind: "finding", finding: withAfterPhoto(finding, photoId, change) });
  }

  function updateHeader(patch: VisitPatch): void {
    const current = draft();
    if (!current) return;
    const change = updateVisit(current, patch, newId, systemClock.now());
    if (!change.ok) {
      showSaveError(change.message);
      return;
    }
    showVisit(change.visit);
    void persist((stores) => stores.visits.saveWithMutation(change.visit, change.mutation));
  }

  return {
    edit,
    updateHeader,

    async passRest(keys) {
      const ctx = deps.context();
      if (!ctx) return null;
      const answers = deps.answers();
      const marked = bulkPassKeys(ctx.checklist, answers, keys).flatMap((key) => {
        const entry = ctx.checklist.byKey.get(key);
        if (!entry) return [];
        const before = answers.get(key);
        const input = editAnswer(entry.templateCode, entry.item, before, {
          kind: "result",
          result: "pass",
        });
        return [{ key, input, before }];
      });
      const saved = await saveAll(marked);
      if (!saved) return null;
      return {
        count: saved.length,
        changes: saved.map((s, i) => ({ key: s.key, before: marked[i]?.before, after: s.answer })),
      };
    },

    async undoPass(pass) {
      const ctx = deps.context();
      if (!ctx) return false;
      const answers = deps.answers();
      const restored = pass.changes.flatMap(({ key, before, after }) => {
        const entry = ctx.checklist.byKey.get(key);
        // Changed by hand after the bulk pass: that answer stands.
        if (!entry || answers.get(key) !== after) return [];
        const input: AnswerInput = before
          ? {
              templateCode: before.templateCode,
              itemCode: before.itemCode,
              result: before.result,
              value: before.value,
              note: before.note,
              photoIds: before.photoIds,
              finding: before.finding,
            }
          : blankAnswer(entry.templateCode, entry.item);
        return [{ key, input }];
      });
      return restored.length === 0 || (await saveAll(restored)) !== null;
    },

    async addPhoto(key, file, purpose) {
      const ctx = deps.context();
      if (!ctx || !draft()) return { ok: false, message: "检查已提交，不能再修改" };
      let image: ProcessedImage;
      try {
        const { processPhoto } = await loadPhotoPipeline();
        image = await processPhoto(file, {
          schoolName: ctx.school.name,
          takenBy: `督学 ${deps.inspectorName}`,
          takenAt: systemClock.now(),
        });
      } catch (error) {
        return { ok: false, message: errorText(error, "这张照片无法处理，请重新拍摄") };
      }
      const failure = await storeImage(image, purpose);
      if (failure) return { ok: false, message: failure };
      changePhoto(key, image.id, "add", purpose);
      return { ok: true, photoId: image.id };
    },

    removePhoto(key, photoId, purpose) {
      changePhoto(key, photoId, "remove", purpose);
    },

    async annotatePhoto(key, photoId, shapes, purpose) {
      const current = draft();
      if (!current) return "检查已提交，不能再修改";
      const { stores } = await openAppData();
      const shown = await stores.photos.get(photoId);
      const originalId = shown && annotationSource(shown.meta).originalId;
      const original = originalId && (await stores.photos.get(originalId));
      const originalBlob = originalId && (await stores.photos.getBlob(originalId));
      if (!original || !originalBlob) return "找不到原图，无法标注";
      let evidenceId = original.meta.id;
      if (shapes.length > 0) {
        let image: ProcessedImage;
        try {
          const { annotatePhoto } = await loadPhotoPipeline();
          image = await annotatePhoto(originalBlob, shapes);
        } catch (error) {
          return errorText(error, "标注未能保存，请重试");
        }
        const failure = await storePhoto(
          current,
          image,
          annotatedCopyMeta(original.meta, image, shapes),
        );
        if (failure) return failure;
        evidenceId = image.id;
      }
      if (evidenceId !== photoId) changePhoto(key, photoId, { replaceBy: evidenceId }, purpose);
      return null;
    },

    async sign(png, signer) {
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
        signer.role === "inspector"
          ? {
              ...current.signatures,
              inspector: {
                photoId: image.id,
                name: deps.inspectorName,
                signedAt,
                ...(signer.coInspectorName ? { coInspectorName: signer.coInspectorName } : {}),
              },
            }
          : {
              ...current.signatures,
              school: {
                photoId: image.id,
                name: signer.name,
                title: signer.title,
                signedAt,
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
      const ctx = deps.context();
      if (!current || !ctx) return { ok: false, reason: "检查已提交" };
      const blockers = submitBlockers({
        visit: current,
        templates: ctx.templates,
        school: ctx.school,
        answers: [...deps.answers().values()],
        policy: ctx.policy,
      });
      if (blockers.length > 0) return { ok: false, blockers };
      const change = submitVisit(
        current,
        { signatures: current.signatures, summary: current.summary },
        newId,
        systemClock.now(),
      );
      if (!change.ok) return { ok: false, reason: change.message };
      const isStored = await persist((stores) =>
        stores.visits.saveWithMutation(change.visit, change.mutation),
      );
      if (!isStored) return { ok: false, reason: "提交未能保存到本机，请重试" };
      showVisit(change.visit);
      void syncNow();
      return { ok: true };
    },
  };
}
