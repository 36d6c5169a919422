/**
 * The one entry point the inspector UI calls with a camera photo or a signature. It returns the exact
 * bytes to store in IndexedDB and upload, with their content address; storing them is the caller's job
 * (lib/offline/photo-store.ts). Browser only.
 */
import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import type { PhotoId, PhotoMime } from "@/lib/domain/photo/photo.schema";
import { sniffImageMime } from "@/lib/domain/photo/sniff";
import { type WatermarkInfo, watermarkLines } from "@/lib/domain/photo/watermark-text";

import { drawAnnotations } from "./annotation-drawing";
import { canvasOf, decodeImage, encodeJpegWithin } from "./canvas";
import { compressPhoto, MAX_PHOTO_KB, REENCODE_QUALITIES } from "./compress";
import { sha256Hex } from "./hash";
import { PhotoProcessingError } from "./photo-error";
import { createThumbnail } from "./thumbnail";
import { watermarkPhoto } from "./watermark";

export type ProcessedImage = {
  /** SHA-256 of `blob`, lowercase hex: the photo's id everywhere, and its upload address. */
  id: PhotoId;
  blob: Blob;
  thumbnail: Blob;
  mime: PhotoMime;
  width: number;
  height: number;
  bytes: number;
};

/** Camera photo → compressed, upright, watermarked JPEG with its hash and thumbnail. */
export async function processPhoto(
  file: Blob,
  watermark: WatermarkInfo,
): Promise<ProcessedImage & { mime: "image/jpeg" }> {
  try {
    const compressed = await compressPhoto(file);
    const blob = await watermarkPhoto(compressed.blob, watermarkLines(watermark));
    return await asJpegImage(blob, compressed.width, compressed.height);
  } catch (error) {
    throw asPhotoError(error, "这张照片无法处理，请重新拍摄");
  }
}

/**
 * Stored photo + marks → the annotated copy: drawn at the photo's own resolution (its watermark
 * included) and held to the same size target as any photo, with its own hash and thumbnail.
 */
export async function annotatePhoto(
  original: Blob,
  shapes: readonly AnnotationShape[],
): Promise<ProcessedImage & { mime: "image/jpeg" }> {
  try {
    const { canvas, ctx } = await canvasOf(original);
    const { width, height } = canvas;
    drawAnnotations(ctx, shapes, { x: 0, y: 0, width, height });
    const blob = await encodeJpegWithin(canvas, MAX_PHOTO_KB * 1024, REENCODE_QUALITIES);
    return await asJpegImage(blob, width, height);
  } catch (error) {
    throw asPhotoError(error, "标注未能保存，请重试");
  }
}

/** A JPEG ready to store: its hash (the photo's id) and thumbnail. */
async function asJpegImage(
  blob: Blob,
  width: number,
  height: number,
): Promise<ProcessedImage & { mime: "image/jpeg" }> {
  const [id, thumbnail] = await Promise.all([sha256Hex(blob), createThumbnail(blob)]);
  return { id, blob, thumbnail, mime: "image/jpeg", width, height, bytes: blob.size };
}

/**
 * A signature drawn on a canvas (PNG) is stored as drawn: no compression, no watermark. It is small,
 * so it serves as its own thumbnail.
 */
export async function processSignature(png: Blob): Promise<ProcessedImage & { mime: "image/png" }> {
  try {
    if (sniffImageMime(new Uint8Array(await png.slice(0, 16).arrayBuffer())) !== "image/png") {
      throw new PhotoProcessingError("签名图片无效，请重新签名");
    }
    const image = await decodeImage(png);
    const { width, height } = image;
    image.close();
    return {
      id: await sha256Hex(png),
      blob: png,
      thumbnail: png,
      mime: "image/png",
      width,
      height,
      bytes: png.size,
    };
  } catch (error) {
    throw asPhotoError(error, "签名无法保存，请重新签名");
  }
}

/** Our own errors already speak to the user; anything else (decoder, memory) gets a plain message and keeps its cause. */
function asPhotoError(error: unknown, message: string): PhotoProcessingError {
  return error instanceof PhotoProcessingError
    ? error
    : new PhotoProcessingError(message, { cause: error });
}
