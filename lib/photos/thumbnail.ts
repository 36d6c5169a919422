/** Small previews for lists and the visit pack: a JPEG whose long edge is at most ~320 px. */
import { decodeImage, encodeJpeg, newCanvas } from "./canvas";

export const THUMBNAIL_EDGE = 320;
const THUMBNAIL_QUALITY = 0.7;

export async function createThumbnail(blob: Blob, maxEdge = THUMBNAIL_EDGE): Promise<Blob> {
  const image = await decodeImage(blob);
  try {
    const scale = Math.min(1, maxEdge / Math.max(image.width, image.height));
    const { canvas, ctx } = newCanvas(
      Math.max(1, Math.round(image.width * scale)),
      Math.max(1, Math.round(image.height * scale)),
    );
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await encodeJpeg(canvas, THUMBNAIL_QUALITY);
  } finally {
    image.close();
  }
}
