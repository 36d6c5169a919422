import { z } from "zod";

import { textSchema } from "../text";

/*
 * Marks an inspector draws on a finding photo (arrows, circles, short labels), and the geometry that
 * maps them between the screen and the photo. Points are fractions of the photo's width and height
 * (0–1), so the same marks draw on the small screen preview and on the full-resolution copy alike.
 */

export const ANNOTATION_COLORS = ["red", "yellow", "white"] as const;
export const annotationColorSchema = z.enum(ANNOTATION_COLORS, { message: "无效的标注颜色" });
export type AnnotationColor = z.infer<typeof annotationColorSchema>;
export const ANNOTATION_COLOR_HEX: Record<AnnotationColor, string> = {
  red: "#ef1c1c",
  yellow: "#facc15",
  white: "#ffffff",
};
export const ANNOTATION_COLOR_LABELS: Record<AnnotationColor, string> = {
  red: "红色",
  yellow: "黄色",
  white: "白色",
};

/** Longest label: a few words on a photo, not a note (the note field is for that). */
export const MAX_LABEL_CHARS = 20;
/** More marks than this on one photo hide what they point at. */
export const MAX_SHAPES = 30;

const fraction = z.number().min(0, "标注超出照片").max(1, "标注超出照片");
export const normalizedPointSchema = z.object({ x: fraction, y: fraction });
export type NormalizedPoint = z.infer<typeof normalizedPointSchema>;

export const annotationShapeSchema = z.discriminatedUnion("kind", [
  /** Points from `from` (the tail) to `to` (the head). */
  z.object({
    kind: z.literal("arrow"),
    from: normalizedPointSchema,
    to: normalizedPointSchema,
    color: annotationColorSchema,
  }),
  /** The ellipse inscribed in the box with corners `from` and `to`. */
  z.object({
    kind: z.literal("ellipse"),
    from: normalizedPointSchema,
    to: normalizedPointSchema,
    color: annotationColorSchema,
  }),
  /** A label whose top-left corner is at `at`. */
  z.object({
    kind: z.literal("text"),
    at: normalizedPointSchema,
    text: textSchema("标注文字")
      .trim()
      .min(1, "请输入标注文字")
      .max(MAX_LABEL_CHARS, `标注文字不能超过 ${MAX_LABEL_CHARS} 字`),
    color: annotationColorSchema,
  }),
]);
export type AnnotationShape = z.infer<typeof annotationShapeSchema>;

export const annotationShapesSchema = z
  .array(annotationShapeSchema)
  .min(1, "请至少画一个标注")
  .max(MAX_SHAPES, `一张照片最多 ${MAX_SHAPES} 个标注`);

export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
/** Where the photo shows inside a view, in that view's pixels. */
export type Rect = Point & Size;

/** The photo scaled to fit the view whole (object-fit: contain), centred. */
export function containRect(image: Size, view: Size): Rect {
  const scale = Math.min(view.width / image.width, view.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: (view.width - width) / 2, y: (view.height - height) / 2, width, height };
}

/** A point on the screen (view pixels) as a point on the photo; a finger past the edge stays on it. */
export function toNormalized(point: Point, rect: Rect): NormalizedPoint {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return { x: clamp((point.x - rect.x) / rect.width), y: clamp((point.y - rect.y) / rect.height) };
}

/** A photo point in the pixels of a drawing of the photo at `rect`. */
export function toPixels(point: NormalizedPoint, rect: Rect): Point {
  return { x: rect.x + point.x * rect.width, y: rect.y + point.y * rect.height };
}

/**
 * Line width for a drawing of the photo `rect` big: a share of its short edge, so an arrow is as
 * bold on the 1600 px copy as on the phone's preview.
 */
export function strokeWidth(rect: Size): number {
  return Math.max(2, Math.min(rect.width, rect.height) * 0.012);
}

/** Label height: readable on the printed notice, where a photo is a few centimetres wide. */
export function labelFontSize(rect: Size): number {
  return Math.max(12, Math.min(rect.width, rect.height) * 0.06);
}

/**
 * The two ends of an arrowhead at `to`, its sides 30° off the shaft. Its length follows the stroke,
 * but never exceeds half the shaft, so a short arrow is still an arrow.
 */
export function arrowHead(from: Point, to: Point, width: number): [Point, Point] {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const shaft = Math.hypot(to.x - from.x, to.y - from.y);
  const length = Math.min(width * 5, shaft / 2);
  const wing = (offset: number): Point => ({
    x: to.x - length * Math.cos(angle + offset),
    y: to.y - length * Math.sin(angle + offset),
  });
  return [wing(Math.PI / 6), wing(-Math.PI / 6)];
}

/** Smallest drag, in screen pixels, that draws a shape; anything shorter was a tap or a slip. */
export const MIN_DRAG_PX = 12;

/** Whether a drag from `from` to `to` (view pixels) is long enough to be a shape. */
export function isDrawnDrag(from: Point, to: Point): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) >= MIN_DRAG_PX;
}
