"use client";

import { lazy, memo, Suspense, useEffect, useId, useState } from "react";
import { createPortal } from "react-dom";

import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import { usePhotoState, usePhotoThumbnailUrl } from "@/lib/hooks/use-photos";
import type { PhotoAdded } from "@/lib/hooks/visit-actions";
import { cn } from "@/lib/utils/cn";

/**
 * Loaded when first opened, so the checklist's first load carries none of it (React.lazy rather
 * than next/dynamic, whose loader would itself add to that load).
 */
const PhotoAnnotator = lazy(() =>
  import("./photo-annotator").then((module) => ({ default: module.PhotoAnnotator })),
);

const UPLOAD_LABELS = { pending: "待上传", uploaded: "已上传", rejected: "被拒绝" } as const;

/** One photo: its thumbnail from the phone, whether the server has it, and delete (tap twice). */
const PhotoThumb = memo(function PhotoThumb({
  id,
  onRemove,
  onAnnotate,
}: {
  id: PhotoId;
  onRemove: ((id: PhotoId) => void) | null;
  onAnnotate: ((id: PhotoId) => void) | null;
}) {
  const url = usePhotoThumbnailUrl(id);
  const state = usePhotoState(id);
  const [isConfirming, setIsConfirming] = useState(false);
  useEffect(() => {
    if (!isConfirming) return;
    const timer = setTimeout(() => setIsConfirming(false), 3_000);
    return () => clearTimeout(timer);
  }, [isConfirming]);
  const upload = state?.uploadState ?? "pending";
  const isAnnotated = state?.meta.annotation !== undefined;
  return (
    <li
      className="relative size-20 shrink-0 overflow-hidden rounded-lg border border-slate-200 bg-slate-100"
      data-photo-id={id}
    >
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a blob: URL from IndexedDB; next/image cannot load it
        <img
          src={url}
          alt={isAnnotated ? "检查照片（已标注）" : "检查照片"}
          className="size-full object-cover"
        />
      ) : null}
      {onAnnotate ? (
        <button
          type="button"
          aria-label={isAnnotated ? "修改这张照片的标注" : "标注这张照片"}
          onClick={() => onAnnotate(id)}
          className="absolute top-0 left-0 flex h-7 min-w-7 items-center justify-center rounded-br-lg bg-slate-900/60 px-1.5 text-xs text-white"
        >
          ✎
        </button>
      ) : null}
      <span
        title={state?.uploadError ?? undefined}
        data-upload-state={upload}
        className={cn(
          "absolute inset-x-0 bottom-0 px-1 py-0.5 text-center text-[11px] leading-4 text-white",
          upload === "uploaded"
            ? "bg-emerald-700/90"
            : upload === "rejected"
              ? "bg-red-600/90"
              : "bg-slate-700/75",
        )}
      >
        {UPLOAD_LABELS[upload]}
      </span>
      {onRemove ? (
        <button
          type="button"
          aria-label={isConfirming ? "确认删除这张照片" : "删除这张照片"}
          onClick={() => (isConfirming ? onRemove(id) : setIsConfirming(true))}
          className={cn(
            "absolute top-0 right-0 flex h-7 min-w-7 items-center justify-center rounded-bl-lg px-1.5 text-xs text-white",
            isConfirming ? "bg-red-600" : "bg-slate-900/60",
          )}
        >
          {isConfirming ? "删除" : "✕"}
        </button>
      ) : null}
    </li>
  );
});

/**
 * Thumbnails of some photos and a camera button. Each picked file is processed on the phone
 * (compressed, watermarked, hashed) and stored before it shows; with `annotatesNew` the annotator
 * then opens on it (the stored photo stays whatever happens there). Any photo can be annotated
 * again while the visit is a draft; `onAnnotate` resolves to an error message or null.
 */
export function PhotoStrip({
  ids,
  addLabel,
  onAdd,
  onRemove,
  onAnnotate,
  annotatesNew,
  isReadOnly,
}: {
  ids: readonly PhotoId[];
  addLabel: string;
  onAdd: (file: File) => Promise<PhotoAdded>;
  onRemove: (id: PhotoId) => void;
  onAnnotate: (id: PhotoId, shapes: AnnotationShape[]) => Promise<string | null>;
  annotatesNew: boolean;
  isReadOnly: boolean;
}) {
  const inputId = useId();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [annotating, setAnnotating] = useState<{
    id: PhotoId;
    isNew: boolean;
    closed: () => void;
  } | null>(null);

  /** Opens the annotator on a photo; resolves once it is closed. */
  function annotate(id: PhotoId, isNew: boolean): Promise<void> {
    return new Promise((closed) => setAnnotating({ id, isNew, closed }));
  }

  async function addFiles(files: File[]) {
    setError(null);
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length });
      const added = await onAdd(file);
      if (!added.ok) setError(added.message);
      else if (annotatesNew) await annotate(added.photoId, true);
    }
    setProgress(null);
  }

  if (isReadOnly && ids.length === 0) return null;
  return (
    <div>
      <ul className="flex flex-wrap gap-2">
        {ids.map((id) => (
          <PhotoThumb
            key={id}
            id={id}
            onRemove={isReadOnly ? null : onRemove}
            onAnnotate={isReadOnly || progress ? null : (photoId) => void annotate(photoId, false)}
          />
        ))}
        {isReadOnly ? null : (
          <li>
            <label
              htmlFor={inputId}
              className={cn(
                "border-brand-600 text-brand-700 flex size-20 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border border-dashed text-xs",
                progress && "pointer-events-none opacity-60",
              )}
            >
              <span aria-hidden className="text-xl leading-none">
                ＋
              </span>
              {progress ? `处理中 ${progress.done + 1}/${progress.total}` : addLabel}
            </label>
            <input
              id={inputId}
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              className="sr-only"
              disabled={progress !== null}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = "";
                if (files.length > 0) void addFiles(files);
              }}
            />
          </li>
        )}
      </ul>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      ) : null}
      {annotating
        ? // On the body: a checklist row's containment would otherwise pin a fixed overlay inside the row.
          createPortal(
            <Suspense
              fallback={
                <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950 text-white">
                  正在打开标注…
                </div>
              }
            >
              <PhotoAnnotator
                key={annotating.id}
                photoId={annotating.id}
                cancelLabel={annotating.isNew ? "跳过" : "取消"}
                onDone={(shapes) => onAnnotate(annotating.id, shapes)}
                onClose={() => {
                  setAnnotating(null);
                  annotating.closed();
                }}
              />
            </Suspense>,
            document.body,
          )
        : null}
    </div>
  );
}
