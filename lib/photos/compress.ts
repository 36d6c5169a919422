/**
 * Shrinks a camera photo on the phone before anything else touches it: upright (EXIF orientation),
 * long edge ≤ 1600 px, JPEG of about ≤ 500 KB. Uses browser-image-compression in a Web Worker whose
 * script is our own copy (/vendor, put there by lib/server/cli/copy-vendor.ts), never a CDN.
 */
import { sniffImageMime } from "@/lib/domain/photo/sniff";

import { decodeImage } from "./canvas";
import { PhotoProcessingError } from "./photo-error";

/** Where the worker loads the library from; the service worker precaches it for offline use. */
export const COMPRESSION_LIB_PATH = "/vendor/browser-image-compression.js";
export const MAX_EDGE_PX = 1600;
export const MAX_PHOTO_KB = 500;
/**
 * First JPEG quality tried. The library starts at 1.0 by default and then shrinks width and quality
 * together by 5 % a step until the size fits, which throws away resolution a photo of 1600 px at
 * 0.8 (typically 200–400 KB) would keep.
 */
export const JPEG_QUALITY = 0.8;
/** Re-encoding after drawing must not undo the compression step, so the size target applies again. */
export const REENCODE_QUALITIES = [JPEG_QUALITY, 0.7, 0.6, 0.5];

export type CompressOptions = { maxWidthOrHeight?: number; maxSizeMB?: number };
export type CompressedPhoto = { blob: Blob; width: number; height: number; bytes: number };

export async function compressPhoto(
  file: Blob,
  opts: CompressOptions = {},
): Promise<CompressedPhoto> {
  // Loaded on first use: keeps ~55 KB out of the inspector pages' first-load JavaScript.
  const { default: imageCompression } = await import("browser-image-compression");
  const compressed = await imageCompression(await withImageType(file), {
    maxWidthOrHeight: opts.maxWidthOrHeight ?? MAX_EDGE_PX,
    maxSizeMB: opts.maxSizeMB ?? MAX_PHOTO_KB / 1024,
    fileType: "image/jpeg",
    initialQuality: JPEG_QUALITY,
    useWebWorker: true,
    // Absolute: the worker runs from a blob: URL, against which a path does not resolve.
    libURL: new URL(COMPRESSION_LIB_PATH, location.href).href,
    // Orientation: the library reads the EXIF tag and, when the browser's decoder has not already
    // applied it (it tests this once with a tiny rotated JPEG), rotates the canvas itself. Its output
    // is re-encoded from that canvas and carries no EXIF, so it is upright for every later step.
  });
  const image = await decodeImage(compressed);
  const { width, height } = image;
  image.close();
  return { blob: compressed, width, height, bytes: compressed.size };
}

/**
 * The library refuses a Blob whose type is not image/* — some Android pickers hand over files with
 * an empty type — so such a file gets its type from its bytes, or is refused here in Chinese.
 */
async function withImageType(file: Blob): Promise<File> {
  if (file.type.startsWith("image/")) return asFile(file, file.type);
  const sniffed = sniffImageMime(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (!sniffed)
    throw new PhotoProcessingError("这不是可以识别的照片（只支持 JPEG、PNG、WebP），请重新拍摄");
  return asFile(file, sniffed);
}

// The library's typings ask for a File (it copies name and lastModified onto its output).
function asFile(blob: Blob, type: string): File {
  return blob instanceof File && blob.type === type ? blob : new File([blob], "photo", { type });
}
