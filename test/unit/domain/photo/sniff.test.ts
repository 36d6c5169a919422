import { describe, expect, it } from "vitest";

import { sniffImageMime } from "@/lib/domain/photo/sniff";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe("sniffImageMime", () => {
  it.each([
    ["a JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), "image/jpeg"],
    ["a JPEG with an EXIF segment first", bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34), "image/jpeg"],
    [
      "a PNG",
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d),
      "image/png",
    ],
    [
      "a WebP",
      new Uint8Array([...ascii("RIFF"), 0x24, 0x00, 0x00, 0x00, ...ascii("WEBPVP8 ")]),
      "image/webp",
    ],
  ] as const)("returns the type when the bytes are %s", (_case, input, expected) => {
    expect(sniffImageMime(input)).toBe(expected);
  });

  it.each([
    ["empty", new Uint8Array()],
    ["plain text", ascii("这不是图片，只是文字")],
    ["an HTML page", ascii("<!doctype html><html>")],
    ["a PDF", ascii("%PDF-1.7\n")],
    ["a GIF", ascii("GIF89a")],
    [
      "a RIFF that is not WebP (WAV)",
      new Uint8Array([...ascii("RIFF"), 0x24, 0x00, 0x00, 0x00, ...ascii("WAVEfmt ")]),
    ],
    ["a JPEG cut after two bytes", bytes(0xff, 0xd8)],
    ["a PNG signature with one byte wrong", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)],
    ["a WebP cut before its form type", ascii("RIFF\u0024\u0000\u0000\u0000WE")],
  ])("returns null when the bytes are %s", (_case, input) => {
    expect(sniffImageMime(input)).toBeNull();
  });
});
