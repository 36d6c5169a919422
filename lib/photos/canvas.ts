/**
 * Canvas plumbing shared by the photo steps: decode, draw, encode. Browser only (DOM canvas and
 * createImageBitmap); no storage, no network.
 */

/**
 * Decodes an image. createImageBitmap's default `imageOrientation: "from-image"` applies an EXIF
 * orientation, so pixels come out the way the photo is meant to be seen.
 */
export function decodeImage(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob);
}

/** A canvas of this size with its 2D context, smoothing set for good downscaling. */
export function newCanvas(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2D context unavailable");
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  return { canvas, ctx };
}

/** A canvas the size of the image with the image drawn on it, ready to draw over. */
export async function canvasOf(
  blob: Blob,
): Promise<{ canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D }> {
  const image = await decodeImage(blob);
  try {
    const drawn = newCanvas(image.width, image.height);
    drawn.ctx.drawImage(image, 0, 0);
    return drawn;
  } finally {
    image.close();
  }
}

export function encodeJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("JPEG encoding failed"))),
      "image/jpeg",
      quality,
    );
  });
}

/**
 * The best-quality JPEG of the canvas within `maxBytes`, trying each quality in turn (highest first).
 * If even the lowest is too big, that smallest attempt is returned: a photo a little over the target
 * is still evidence, and the server's own limit is far higher.
 */
export async function encodeJpegWithin(
  canvas: HTMLCanvasElement,
  maxBytes: number,
  qualities: readonly number[],
): Promise<Blob> {
  let smallest: Blob | undefined;
  for (const quality of qualities) {
    smallest = await encodeJpeg(canvas, quality);
    if (smallest.size <= maxBytes) return smallest;
  }
  if (!smallest) throw new Error("no JPEG quality to try");
  return smallest;
}
