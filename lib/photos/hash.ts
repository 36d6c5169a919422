/** Content addresses for photos: the lowercase hex SHA-256 of the exact bytes that are stored and uploaded. */
import { PhotoProcessingError } from "./photo-error";

export async function sha256Hex(blob: Blob): Promise<string> {
  // crypto.subtle exists only in secure contexts (HTTPS or localhost); a plain-HTTP deployment lands here.
  if (!globalThis.crypto?.subtle)
    throw new PhotoProcessingError("请通过 HTTPS 访问本系统，否则无法处理照片");
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
