import type { PhotoMime } from "./photo.schema";

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function startsWithAt(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * What the bytes are, judged by their magic numbers alone: a client's Content-Type header or file
 * name proves nothing. Null for anything that is not a JPEG, PNG or WebP image.
 */
export function sniffImageMime(bytes: Uint8Array): PhotoMime | null {
  if (startsWithAt(bytes, JPEG)) return "image/jpeg";
  if (startsWithAt(bytes, PNG)) return "image/png";
  // RIFF container: "RIFF", 4 bytes of length, then the form type "WEBP".
  if (startsWithAt(bytes, RIFF) && startsWithAt(bytes, WEBP, 8)) return "image/webp";
  return null;
}
