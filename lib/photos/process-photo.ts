/**
 * The one entry point the inspector UI calls with a camera photo or a signature. It returns the exact
 * bytes to store in IndexedDB and upload, with their content address; storing them is the caller's job
 * (lib/offline/photo-store.ts). Browser only.
 */
import type { PhotoId, PhotoMime } from "@/lib/domain/photo/photo.schema";
import { sniffImageMime } from "@/lib/domain/photo/sniff";
import { type WatermarkInfo, watermarkLines } from "@/lib/domain/photo/watermark-text";

import { decodeImage } from "./canvas";
import { compressPhoto } from "./compress";
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
    const [id, thumbnail] = await Promise.all([sha256Hex(blob), createThumbnail(blob)]);
    return {
      id,
      blob,
      thumbnail,
      mime: "image/jpeg",
      width: compressed.width,
      height: compressed.height,
      bytes: blob.size,
    };
  } catch (error) {
    throw asPhotoError(error, "这张照片无法处理，请重新拍摄");
  }
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
