"use client";

/**
 * Full-screen marking of a finding photo: arrows, circles and short labels, drawn with a finger (or
 * a mouse) on a plain canvas. Nothing is stored until 完成; the photo itself was stored before this
 * opened, so closing the tab here loses only the marks. Loaded only when opened (photo-strip.tsx).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

import {
  ANNOTATION_COLOR_HEX,
  ANNOTATION_COLOR_LABELS,
  ANNOTATION_COLORS,
  MAX_LABEL_CHARS,
  MAX_SHAPES,
  containRect,
  isDrawnDrag,
  toNormalized,
  type AnnotationColor,
  type AnnotationShape,
  type NormalizedPoint,
  type Point,
  type Rect,
} from "@/lib/domain/photo/annotation";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import { useAnnotationSource } from "@/lib/hooks/use-photos";
import { drawAnnotations } from "@/lib/photos/annotation-drawing";
import { decodeImage } from "@/lib/photos/canvas";
import { cn } from "@/lib/utils/cn";

type Tool = "arrow" | "ellipse" | "text";
const TOOLS: { tool: Tool; label: string; icon: string }[] = [
  { tool: "arrow", label: "箭头", icon: "↗" },
  { tool: "ellipse", label: "圈出", icon: "◯" },
  { tool: "text", label: "文字", icon: "T" },
];

/** A drag in progress, in view pixels. */
type Drag = { pointerId: number; from: Point; to: Point };

type AnnotatorProps = {
  photoId: PhotoId;
  /** 跳过 right after taking the photo, 取消 when annotating a saved one. */
  cancelLabel: string;
  /** Stores the marks (none = back to the original); resolves to an error message or null. */
  onDone: (shapes: AnnotationShape[]) => Promise<string | null>;
  onClose: () => void;
};

/** Opens the photo's original with the marks it already has (see useAnnotationSource). */
export function PhotoAnnotator(props: AnnotatorProps) {
  const source = useAnnotationSource(props.photoId);
  if (source.status === "ready") {
    return <Annotator {...props} original={source.original} initialShapes={source.shapes} />;
  }
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="标注照片"
      className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-4 bg-slate-950 text-white"
    >
      <p role={source.status === "missing" ? "alert" : undefined}>
        {source.status === "missing" ? "找不到这张照片的原图，无法标注" : "正在打开照片…"}
      </p>
      <button type="button" onClick={props.onClose} className="h-11 rounded-lg bg-slate-800 px-5">
        {props.cancelLabel}
      </button>
    </div>
  );
}

function Annotator({
  cancelLabel,
  onDone,
  onClose,
  original,
  initialShapes,
}: AnnotatorProps & { original: Blob; initialShapes: AnnotationShape[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<ImageBitmap | null>(null);
  const [view, setView] = useState<{ width: number; height: number } | null>(null);
  const [tool, setTool] = useState<Tool>("arrow");
  const [color, setColor] = useState<AnnotationColor>("red");
  const [history, setHistory] = useState<{ past: AnnotationShape[][]; shapes: AnnotationShape[] }>({
    past: [],
    shapes: initialShapes,
  });
  const [drag, setDrag] = useState<Drag | null>(null);
  const [labelAt, setLabelAt] = useState<NormalizedPoint | null>(null);
  const [label, setLabel] = useState("");
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { shapes } = history;

  useEffect(() => {
    let bitmap: ImageBitmap | null = null;
    let isCurrent = true;
    void decodeImage(original).then(
      (decoded) => {
        bitmap = decoded;
        if (isCurrent) setImage(decoded);
        else decoded.close();
      },
      () => isCurrent && setError("照片无法打开"),
    );
    return () => {
      isCurrent = false;
      bitmap?.close();
    };
  }, [original]);

  // The canvas fills the space between the bars; its backing store follows the device's pixels.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setView({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  const photoRect = useCallback(
    (): Rect | null => (image && view ? containRect(image, view) : null),
    [image, view],
  );

  const draftShape = useCallback((): AnnotationShape | null => {
    const rect = photoRect();
    if (!drag || !rect || tool === "text" || !isDrawnDrag(drag.from, drag.to)) return null;
    return {
      kind: tool,
      from: toNormalized(drag.from, rect),
      to: toNormalized(drag.to, rect),
      color,
    };
  }, [color, drag, photoRect, tool]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const rect = photoRect();
    if (!canvas || !view || !image || !rect) return;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(view.width * dpr);
      const height = Math.round(view.height * dpr);
      // Resizing reallocates the canvas: only when the view changed, never on every finger move.
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, view.width, view.height);
      ctx.drawImage(image, rect.x, rect.y, rect.width, rect.height);
      const draft = draftShape();
      drawAnnotations(ctx, draft ? [...shapes, draft] : shapes, rect);
    });
    return () => cancelAnimationFrame(frame);
  }, [draftShape, image, photoRect, shapes, view]);

  function commit(next: AnnotationShape[]) {
    setHistory(({ past, shapes: now }) => ({ past: [...past, now], shapes: next }));
  }

  function pointOf(event: React.PointerEvent<HTMLCanvasElement>): Point {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  const isFull = shapes.length >= MAX_SHAPES;

  function onPointerDown(event: React.PointerEvent<HTMLCanvasElement>) {
    // One finger draws; a second one (a pinch, a palm) is ignored rather than starting a shape.
    if (drag || labelAt || isSaving || !event.isPrimary) return;
    const rect = photoRect();
    if (!rect || isFull) return;
    const point = pointOf(event);
    if (tool === "text") {
      setLabel("");
      setLabelAt(toNormalized(point, rect));
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ pointerId: event.pointerId, from: point, to: point });
  }

  function onPointerMove(event: React.PointerEvent<HTMLCanvasElement>) {
    if (drag?.pointerId !== event.pointerId) return;
    setDrag({ ...drag, to: pointOf(event) });
  }

  function onPointerEnd(event: React.PointerEvent<HTMLCanvasElement>) {
    if (drag?.pointerId !== event.pointerId) return;
    const shape = draftShape();
    setDrag(null);
    if (shape && event.type === "pointerup") commit([...shapes, shape]);
  }

  function addLabel(event: React.FormEvent) {
    event.preventDefault();
    const text = label.trim();
    if (labelAt && text) commit([...shapes, { kind: "text", at: labelAt, text, color }]);
    setLabelAt(null);
  }

  async function finish() {
    setIsSaving(true);
    setError(null);
    const failure = await onDone(shapes);
    setIsSaving(false);
    if (failure) setError(failure);
    else onClose();
  }

  const hint = isFull
    ? `最多 ${MAX_SHAPES} 个标注`
    : tool === "text"
      ? "点一下照片，在那里加文字"
      : tool === "arrow"
        ? "从问题旁边拖向问题，画出箭头"
        : "拖动手指，圈出问题";

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="标注照片"
      className="fixed inset-0 z-50 flex flex-col bg-slate-950 text-white select-none"
    >
      <h2 className="px-3 pt-[max(0.5rem,env(safe-area-inset-top))] pb-1 text-center text-base font-medium">
        标注照片
      </h2>

      <div className="relative min-h-0 flex-1">
        <canvas
          ref={canvasRef}
          aria-label="照片，在上面画标注"
          className="size-full touch-none"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
        />
        {labelAt ? (
          <form
            onSubmit={addLabel}
            className="absolute inset-x-2 top-2 flex gap-2 rounded-lg bg-white p-2 text-slate-900 shadow-lg"
          >
            <input
              autoFocus
              aria-label="标注文字"
              value={label}
              maxLength={MAX_LABEL_CHARS}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="如：灭火器过期"
              className="min-w-0 flex-1 rounded border border-slate-300 px-2 text-base"
            />
            <button type="button" onClick={() => setLabelAt(null)} className="h-10 px-2">
              取消
            </button>
            <button
              type="submit"
              disabled={!label.trim()}
              className="bg-brand-700 h-10 rounded px-3 text-white disabled:opacity-50"
            >
              确定
            </button>
          </form>
        ) : null}
      </div>

      <p
        role={error ? "alert" : undefined}
        className={cn("px-3 py-1 text-center text-sm", error ? "text-red-300" : "text-slate-300")}
      >
        {error ?? hint}
      </p>

      <footer className="space-y-2 px-3 pt-1 pb-[max(0.75rem,env(safe-area-inset-bottom))]">
        <div className="flex items-center gap-2">
          <div role="radiogroup" aria-label="标注工具" className="flex flex-1 gap-2">
            {TOOLS.map((t) => (
              <button
                key={t.tool}
                type="button"
                role="radio"
                aria-checked={tool === t.tool}
                onClick={() => setTool(t.tool)}
                className={cn(
                  "flex h-12 flex-1 items-center justify-center gap-1 rounded-lg text-base",
                  tool === t.tool ? "bg-white text-slate-950" : "bg-slate-800 text-white",
                )}
              >
                <span aria-hidden className="font-bold">
                  {t.icon}
                </span>
                {t.label}
              </button>
            ))}
          </div>
        </div>
        <div className="flex items-center gap-2">
          <div role="radiogroup" aria-label="颜色" className="flex gap-2">
            {ANNOTATION_COLORS.map((c) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={color === c}
                aria-label={ANNOTATION_COLOR_LABELS[c]}
                onClick={() => setColor(c)}
                className={cn(
                  "size-11 rounded-full border-2",
                  color === c ? "border-white ring-2 ring-white/60" : "border-slate-600",
                )}
                style={{ backgroundColor: ANNOTATION_COLOR_HEX[c] }}
              />
            ))}
          </div>
          <button
            type="button"
            onClick={() =>
              setHistory(({ past }) => ({
                past: past.slice(0, -1),
                shapes: past.at(-1) ?? [],
              }))
            }
            disabled={history.past.length === 0 || isSaving}
            className="h-11 flex-1 rounded-lg bg-slate-800 text-base disabled:opacity-40"
          >
            撤销
          </button>
          <button
            type="button"
            onClick={() => commit([])}
            disabled={shapes.length === 0 || isSaving}
            className="h-11 flex-1 rounded-lg bg-slate-800 text-base disabled:opacity-40"
          >
            清除
          </button>
        </div>
        {/* At the bottom with the tools: the thumb of the hand holding the phone reaches them. */}
        <div className="flex gap-2">
          <button
            type="button"
            onClick={onClose}
            disabled={isSaving}
            className="h-12 flex-1 rounded-lg bg-slate-800 text-base"
          >
            {cancelLabel}
          </button>
          <button
            type="button"
            onClick={() => void finish()}
            disabled={isSaving || !image || labelAt !== null}
            className="bg-brand-700 h-12 flex-[2] rounded-lg text-base font-medium text-white disabled:opacity-50"
          >
            {isSaving ? "保存中…" : "完成"}
          </button>
        </div>
      </footer>
    </div>
  );
}
