/**
 * Burns a visible watermark into the stored photo (school, China time, inspector): white text on a
 * semi-transparent dark band in the bottom-left corner, so the evidence carries its context with it.
 */
import { canvasOf, encodeJpegWithin } from "./canvas";
import { MAX_PHOTO_KB, REENCODE_QUALITIES } from "./compress";

/** Same stack as app/globals.css: a CJK face every phone has, whatever the platform. */
export const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
/** Text height as a share of the image's short edge: legible on a phone, small enough to hide little. */
const FONT_SHARE = 0.032;
const MIN_FONT_PX = 12;
const BAND_COLOR = "rgba(0, 0, 0, 0.55)";

export async function watermarkPhoto(
  blob: Blob,
  lines: string[],
  maxBytes = MAX_PHOTO_KB * 1024,
): Promise<Blob> {
  const { canvas, ctx } = await canvasOf(blob);
  drawWatermark(ctx, canvas.width, canvas.height, lines);
  return encodeJpegWithin(canvas, maxBytes, REENCODE_QUALITIES);
}

function drawWatermark(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  lines: string[],
): void {
  if (lines.length === 0) return;
  const widestAt = (fontPx: number) => {
    ctx.font = `${fontPx}px ${FONT_STACK}`;
    return Math.max(...lines.map((line) => ctx.measureText(line).width));
  };
  const maxTextWidth = width * 0.9;
  let fontPx = Math.max(MIN_FONT_PX, Math.round(Math.min(width, height) * FONT_SHARE));
  let textWidth = widestAt(fontPx);
  // A long school name shrinks the text rather than running off the photo.
  if (textWidth > maxTextWidth) {
    fontPx = Math.max(1, Math.floor((fontPx * maxTextWidth) / textWidth));
    textWidth = widestAt(fontPx);
  }
  const padding = Math.round(fontPx * 0.6);
  const lineHeight = Math.round(fontPx * 1.4);
  const bandHeight = lines.length * lineHeight + 2 * padding;
  const top = height - bandHeight;

  ctx.fillStyle = BAND_COLOR;
  ctx.fillRect(0, top, Math.ceil(textWidth + 2 * padding), bandHeight);
  ctx.fillStyle = "#ffffff";
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  lines.forEach((line, i) => {
    ctx.fillText(line, padding, top + padding + i * lineHeight + lineHeight / 2, maxTextWidth);
  });
}
