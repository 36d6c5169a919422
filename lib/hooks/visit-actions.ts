"use client";

/**
 * What the inspector does to an open visit: answer, photograph, sign and submit. Every edit is
 * shown at once and then stored through `persist` (in order, record and outbox mutation together).
 * useVisit loads this module alongside the visit's IndexedDB read, so the page's first load does
 * not carry it: the edits are needed once the checklist shows, not before.
 */
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import { defaultFindingChoice } from "@/lib/domain/template/findings";
import { editAnswer, withAfterPhoto, type AnswerEdit } from "@/lib/domain/visit/answer-edit";
import { submitBlockers, type ItemKey, type SubmitBlocker } from "@/lib/domain/visit/checklist";
import { registerPhoto, setAnswer, submitVisit, updateVisit } from "@/lib/domain/visit/visit";
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
import { syncNow } from "./use-sync";
import type { VisitContext } from "./use-visit";

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
    const now = systemClock.now();
    const meta: PhotoMeta = {
      id: image.id,
      visitId: current.id,
      mime: image.mime,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      capturedAt: now,
      takenBy: deps.inspectorId,
      location: current.location,
      purpose,
    };
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

    async addPhoto(key, file, purpose) {
      const ctx = deps.context();
      if (!ctx || !draft()) return "检查已提交，不能再修改";
      let image: ProcessedImage;
      try {
        const { processPhoto } = await loadPhotoPipeline();
        image = await processPhoto(file, {
          schoolName: ctx.school.name,
          takenBy: `督学 ${deps.inspectorName}`,
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
