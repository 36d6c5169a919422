/**
 * Stand-in photos for the demo history and the tests: small real PNGs (a soft two-tone scene, a
 * different hue per photo), so that photo ids are honest SHA-256 hashes of real bytes that decode.
 * Pure Node (no server-only guard), so the bench's "phone" can make them too.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";

const WIDTH = 320;
const HEIGHT = 240;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG: a lighter "wall" over a darker "floor", tinted by `seed`; `comment` goes in a tEXt chunk. */
function scenePng(seed: number, comment?: string): Buffer {
  const hue = (seed * 47) % 360;
  const tint = (lightness: number) => hslToRgb(hue, 0.35, lightness);
  const wall = tint(0.78);
  const floor = tint(0.45);
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3); // filter byte 0, then RGB triples
    const [r, g, b] = y < HEIGHT * 0.62 ? wall : floor;
    for (let x = 0; x < WIDTH; x++) row.set([r, g, b], 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...(comment === undefined ? [] : [chunk("tEXt", Buffer.from(`Comment\0${comment}`, "latin1"))]),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

export type DemoPhoto = {
  id: string;
  bytes: Buffer;
  mime: "image/png";
  width: number;
  height: number;
};

/**
 * The `seed`-th demo photo; the same seed always gives the same bytes and id. A `label` (ASCII) is
 * written into the file, so tests get as many distinct real images as they need.
 */
export function demoPhoto(seed: number, label?: string): DemoPhoto {
  const bytes = scenePng(seed, label);
  return {
    id: createHash("sha256").update(bytes).digest("hex"),
    bytes,
    mime: "image/png",
    width: WIDTH,
    height: HEIGHT,
  };
}
