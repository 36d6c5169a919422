/**
 * Draws an inspector's marks on a canvas: the annotator's live preview and the full-resolution copy
 * use this one function, so what the inspector sees is what is stored and printed.
 */
import {
  ANNOTATION_COLOR_HEX,
  arrowHead,
  labelFontSize,
  strokeWidth,
  toPixels,
  type AnnotationShape,
  type Rect,
} from "@/lib/domain/photo/annotation";

import { FONT_STACK } from "./watermark";

/** A dark edge around every mark keeps red on red brick and white on a white wall readable. */
const OUTLINE = "rgba(0, 0, 0, 0.6)";

/** Draws `shapes` on the photo as drawn at `rect` of the canvas. */
export function drawAnnotations(
  ctx: CanvasRenderingContext2D,
  shapes: readonly AnnotationShape[],
  rect: Rect,
): void {
  const width = strokeWidth(rect);
  ctx.save();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const shape of shapes) {
    const color = ANNOTATION_COLOR_HEX[shape.color];
    if (shape.kind === "text") {
      const at = toPixels(shape.at, rect);
      const fontPx = labelFontSize(rect);
      ctx.font = `bold ${fontPx}px ${FONT_STACK}`;
      ctx.textBaseline = "top";
      ctx.textAlign = "left";
      ctx.lineWidth = fontPx * 0.18;
      ctx.strokeStyle = OUTLINE;
      ctx.strokeText(shape.text, at.x, at.y);
      ctx.fillStyle = color;
      ctx.fillText(shape.text, at.x, at.y);
      continue;
    }
    const from = toPixels(shape.from, rect);
    const to = toPixels(shape.to, rect);
    ctx.beginPath();
    if (shape.kind === "arrow") {
      const [left, right] = arrowHead(from, to, width);
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.moveTo(left.x, left.y);
      ctx.lineTo(to.x, to.y);
      ctx.lineTo(right.x, right.y);
    } else {
      ctx.ellipse(
        (from.x + to.x) / 2,
        (from.y + to.y) / 2,
        Math.abs(to.x - from.x) / 2,
        Math.abs(to.y - from.y) / 2,
        0,
        0,
        2 * Math.PI,
      );
    }
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = width * 1.6;
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  ctx.restore();
}
