/**
 * Browser side of photo-pipeline.spec.ts: the pipeline under test plus helpers that make test images
 * and read pixels back. The spec bundles this file with esbuild and serves it to a blank page.
 */
import type * as PhotoTest from "./photo-pipeline.page";

export { annotatePhoto, processPhoto, processSignature } from "@/lib/photos/process-photo";

declare global {
  interface Window {
    photoTest: typeof PhotoTest;
  }
}

export type Scene = "photo" | "halves" | "plain";
export type Rgb = [number, number, number];
export type Rect = { x: number; y: number; width: number; height: number };

export const PLAIN: Rgb = [200, 220, 240];
export const RED: Rgb = [220, 30, 30];
export const BLUE: Rgb = [30, 30, 220];

/** Deterministic noise (mulberry32), so every run compresses the same image. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function canvas2d(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return { canvas, ctx: canvas.getContext("2d", { willReadFrequently: true })! };
}

const css = ([r, g, b]: Rgb) => `rgb(${r}, ${g}, ${b})`;

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("toBlob"))), type, quality),
  );
}

/**
 * A camera-like JPEG. "photo": sky and ground gradients, shapes and sensor-like noise; "halves": top
 * half red, bottom half blue (to see rotation); "plain": one light colour (to see the watermark).
 */
export async function makeJpeg(width: number, height: number, scene: Scene): Promise<Blob> {
  const { canvas, ctx } = canvas2d(width, height);
  if (scene === "halves") {
    ctx.fillStyle = css(RED);
    ctx.fillRect(0, 0, width, height / 2);
    ctx.fillStyle = css(BLUE);
    ctx.fillRect(0, height / 2, width, height - height / 2);
  } else if (scene === "plain") {
    ctx.fillStyle = css(PLAIN);
    ctx.fillRect(0, 0, width, height);
  } else {
    const random = seeded(20261123);
    const sky = ctx.createLinearGradient(0, 0, 0, height);
    sky.addColorStop(0, "#6aa0d8");
    sky.addColorStop(0.55, "#dfe9f2");
    sky.addColorStop(0.56, "#7c6a4f");
    sky.addColorStop(1, "#3b3328");
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, width, height);
    for (let i = 0; i < 300; i++) {
      ctx.fillStyle = `hsl(${Math.floor(random() * 360)}, 45%, ${30 + Math.floor(random() * 50)}%)`;
      const x = random() * width;
      const y = random() * height;
      const size = 20 + random() * width * 0.08;
      if (i % 2) ctx.fillRect(x, y, size, size * (0.5 + random()));
      else {
        ctx.beginPath();
        ctx.arc(x, y, size / 2, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    const pixels = ctx.getImageData(0, 0, width, height);
    const data = pixels.data;
    for (let i = 0; i < data.length; i += 4) {
      const n = (random() - 0.5) * 24;
      data[i] = data[i]! + n;
      data[i + 1] = data[i + 1]! + n;
      data[i + 2] = data[i + 2]! + n;
    }
    ctx.putImageData(pixels, 0, 0);
  }
  return toBlob(canvas, "image/jpeg", 0.92);
}

/** A signature-like PNG: a dark stroke on transparency, as signature_pad exports it. */
export async function makeSignaturePng(): Promise<Blob> {
  const { canvas, ctx } = canvas2d(600, 200);
  ctx.strokeStyle = "#111";
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(40, 150);
  ctx.bezierCurveTo(150, 20, 250, 180, 360, 60);
  ctx.lineTo(560, 120);
  ctx.stroke();
  return toBlob(canvas, "image/png");
}

/** `segment` inserted right after the JPEG's SOI marker (FF D8), where readers look for APP1/EXIF. */
export function insertAfterSoi(jpeg: Blob, segment: number[]): Blob {
  return new Blob([jpeg.slice(0, 2), new Uint8Array(segment), jpeg.slice(2)], {
    type: "image/jpeg",
  });
}

export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type Decoded = {
  width: number;
  height: number;
  pixel(x: number, y: number): Rgb;
  stats(r: Rect): RegionStats;
};
/** Mean luma of a region and the share of its pixels that are near-white text. */
export type RegionStats = { meanLuma: number; whiteShare: number };

export async function decode(blob: Blob): Promise<Decoded> {
  const image = await createImageBitmap(blob);
  const { canvas, ctx } = canvas2d(image.width, image.height);
  ctx.drawImage(image, 0, 0);
  image.close();
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const at = (x: number, y: number): Rgb => {
    const i = (Math.round(y) * canvas.width + Math.round(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return {
    width: canvas.width,
    height: canvas.height,
    pixel: at,
    stats({ x, y, width, height }) {
      let luma = 0;
      let white = 0;
      for (let row = y; row < y + height; row++) {
        for (let col = x; col < x + width; col++) {
          const [r, g, b] = at(col, row);
          luma += 0.299 * r + 0.587 * g + 0.114 * b;
          if (r > 225 && g > 225 && b > 225) white += 1;
        }
      }
      const n = width * height;
      return { meanLuma: luma / n, whiteShare: white / n };
    },
  };
}
