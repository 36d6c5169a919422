/**
 * The photo pipeline (lib/photos) in the real Chromium: compression through the self-hosted worker,
 * EXIF orientation, watermark, hashes and thumbnails. No app server: the spec bundles the pipeline with
 * esbuild and answers every request of the page itself, refusing (and recording) anything else.
 */
import { createHash } from "node:crypto";

import { expect, type Page, test } from "@playwright/test";

import type { Rgb } from "./photo-pipeline.page";
import {
  buildPipelineBundle,
  openPipelineHarness,
  VENDOR_URL,
} from "../helpers/photo-pipeline-harness";

const WATERMARK = {
  schoolName: "示范区实验小学",
  takenBy: "督学 张伟",
  takenAt: Date.UTC(2026, 10, 23, 6, 5),
};

let bundle = "";

test.beforeAll(async () => {
  bundle = await buildPipelineBundle();
});

const openPipelinePage = (page: Page) => openPipelineHarness(page, bundle);

/** An APP1 "Exif" segment whose IFD0 holds only Orientation (big-endian TIFF), written byte by byte. */
function exifOrientationSegment(orientation: number): number[] {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a], // "MM" (big-endian), 42
    ...[0x00, 0x00, 0x00, 0x08], // IFD0 right after this header
    ...[0x00, 0x01], // one entry
    ...[0x01, 0x12, 0x00, 0x03], // tag 0x0112 Orientation, type SHORT
    ...[0x00, 0x00, 0x00, 0x01], // count 1
    ...[0x00, orientation, 0x00, 0x00], // value, left-justified in the 4-byte field
    ...[0x00, 0x00, 0x00, 0x00], // no next IFD
  ];
  const payload = [...Buffer.from("Exif\0\0", "latin1"), ...tiff];
  const length = payload.length + 2;
  return [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

function expectColourNear(actual: Rgb, expected: Rgb, tolerance = 30): void {
  actual.forEach((channel, i) =>
    expect(Math.abs(channel - expected[i]!), `channel ${i} of ${actual.join(",")}`).toBeLessThan(
      tolerance,
    ),
  );
}

test.describe("photo pipeline", () => {
  test("compresses a 4000×3000 photo to a JPEG of long edge 1600 and at most 500 KB via the self-hosted worker", async ({
    page,
  }) => {
    const traffic = await openPipelinePage(page);
    const result = await page.evaluate(async (watermark) => {
      const t = window.photoTest;
      const input = await t.makeJpeg(4000, 3000, "photo");
      const started = performance.now();
      const photo = await t.processPhoto(input, watermark);
      const ms = performance.now() - started;
      const thumbnail = await t.decode(photo.thumbnail);
      return {
        inputBytes: input.size,
        ms,
        id: photo.id,
        mime: photo.mime,
        width: photo.width,
        height: photo.height,
        bytes: photo.bytes,
        blob: await t.toBase64(photo.blob),
        decoded: await t.decode(photo.blob).then((d) => [d.width, d.height]),
        thumbnail: {
          base64: await t.toBase64(photo.thumbnail),
          width: thumbnail.width,
          height: thumbnail.height,
        },
      };
    }, WATERMARK);
    test.info().annotations.push({
      type: "timing",
      description: `${(result.inputBytes / 1e6).toFixed(1)} MB → ${(result.bytes / 1024).toFixed(0)} KB in ${result.ms.toFixed(0)} ms`,
    });

    const bytes = Buffer.from(result.blob, "base64");
    expect(result.inputBytes).toBeGreaterThan(500 * 1024);
    expect([result.width, result.height]).toEqual([1600, 1200]);
    expect(result.decoded).toEqual([1600, 1200]);
    expect(result.mime).toBe("image/jpeg");
    expect(isJpeg(bytes)).toBe(true);
    expect(bytes.length).toBe(result.bytes);
    expect(bytes.length).toBeLessThanOrEqual(500 * 1024);
    expect(result.id).toBe(sha256(bytes));

    const thumbnail = Buffer.from(result.thumbnail.base64, "base64");
    expect(isJpeg(thumbnail)).toBe(true);
    expect([result.thumbnail.width, result.thumbnail.height]).toEqual([320, 240]);

    expect(traffic.served).toContain(VENDOR_URL);
    expect(traffic.refused).toEqual([]);
  });

  test("turns a photo stored sideways with EXIF orientation 6 upright", async ({ page }) => {
    await openPipelinePage(page);
    const segment = exifOrientationSegment(6);
    const result = await page.evaluate(
      async ({ segment, watermark }) => {
        const t = window.photoTest;
        // Stored landscape, red on top; orientation 6 says: turn 90° clockwise to view.
        const input = t.insertAfterSoi(await t.makeJpeg(2000, 1500, "halves"), segment);
        const photo = await t.processPhoto(input, watermark);
        const d = await t.decode(photo.blob);
        return {
          width: photo.width,
          height: photo.height,
          left: d.pixel(d.width * 0.25, d.height * 0.3),
          right: d.pixel(d.width * 0.75, d.height * 0.3),
        };
      },
      { segment, watermark: WATERMARK },
    );

    expect([result.width, result.height]).toEqual([1200, 1600]);
    // The stored top row becomes the right-hand side.
    expectColourNear(result.right, [220, 30, 30]);
    expectColourNear(result.left, [30, 30, 220]);
  });

  test("draws white text on a dark band in the bottom-left corner and leaves the rest of the photo alone", async ({
    page,
  }) => {
    await openPipelinePage(page);
    const result = await page.evaluate(async (watermark) => {
      const t = window.photoTest;
      const photo = await t.processPhoto(await t.makeJpeg(1200, 900, "plain"), watermark);
      const d = await t.decode(photo.blob);
      return {
        size: [d.width, d.height],
        bandEdge: d.stats({ x: 0, y: d.height - 8, width: 120, height: 6 }),
        bandText: d.stats({ x: 0, y: d.height - 120, width: 500, height: 120 }),
        topRight: d.pixel(d.width - 20, 20),
        bottomRight: d.pixel(d.width - 20, d.height - 20),
        aboveBand: d.stats({ x: 0, y: d.height - 300, width: 500, height: 100 }),
      };
    }, WATERMARK);

    expect(result.size).toEqual([1200, 900]);
    expect(result.bandEdge.meanLuma).toBeLessThan(130);
    expect(result.bandText.whiteShare).toBeGreaterThan(0.01);
    expect(result.aboveBand.whiteShare).toBe(0);
    expectColourNear(result.topRight, [200, 220, 240], 8);
    expectColourNear(result.bottomRight, [200, 220, 240], 8);
  });

  test("keeps a signature PNG byte for byte and names it by its SHA-256", async ({ page }) => {
    await openPipelinePage(page);
    const result = await page.evaluate(async () => {
      const t = window.photoTest;
      const png = await t.makeSignaturePng();
      const signature = await t.processSignature(png);
      return {
        input: await t.toBase64(png),
        output: await t.toBase64(signature.blob),
        sameThumbnail: signature.thumbnail === signature.blob,
        id: signature.id,
        mime: signature.mime,
        size: [signature.width, signature.height],
        bytes: signature.bytes,
      };
    });

    const png = Buffer.from(result.input, "base64");
    expect(result.output).toBe(result.input);
    expect(result.id).toBe(sha256(png));
    expect(result).toMatchObject({
      mime: "image/png",
      size: [600, 200],
      bytes: png.length,
      sameThumbnail: true,
    });
  });

  test("refuses what is not a photo with a Chinese message", async ({ page }) => {
    await openPipelinePage(page);
    const errors = await page.evaluate(async (watermark) => {
      const t = window.photoTest;
      const failure = (p: Promise<unknown>) =>
        p.then(
          () => null,
          (e: Error) => ({ name: e.name, message: e.message }),
        );
      return {
        text: await failure(t.processPhoto(new Blob(["这不是照片"]), watermark)),
        textAsJpeg: await failure(
          t.processPhoto(new Blob(["这不是照片"], { type: "image/jpeg" }), watermark),
        ),
        jpegAsSignature: await failure(t.processSignature(await t.makeJpeg(60, 40, "plain"))),
      };
    }, WATERMARK);

    expect(errors.text).toEqual({
      name: "PhotoProcessingError",
      message: "这不是可以识别的照片（只支持 JPEG、PNG、WebP），请重新拍摄",
    });
    expect(errors.textAsJpeg).toEqual({
      name: "PhotoProcessingError",
      message: "这张照片无法处理，请重新拍摄",
    });
    expect(errors.jpegAsSignature).toEqual({
      name: "PhotoProcessingError",
      message: "签名图片无效，请重新签名",
    });
  });

  test("draws the marks on an annotated copy at the photo's full resolution, as small as any photo", async ({
    page,
  }) => {
    await openPipelinePage(page);
    const result = await page.evaluate(async (watermark) => {
      const t = window.photoTest;
      const photo = await t.processPhoto(await t.makeJpeg(1600, 1200, "plain"), watermark);
      const copy = await t.annotatePhoto(photo.blob, [
        { kind: "arrow", from: { x: 0.1, y: 0.5 }, to: { x: 0.5, y: 0.5 }, color: "red" },
        { kind: "ellipse", from: { x: 0.6, y: 0.1 }, to: { x: 0.9, y: 0.4 }, color: "yellow" },
      ]);
      const d = await t.decode(copy.blob);
      return {
        id: copy.id,
        blob: await t.toBase64(copy.blob),
        size: [copy.width, copy.height, d.width, d.height],
        bytes: copy.bytes,
        onShaft: d.pixel(480, 600),
        onEllipseLeft: d.pixel(960, 300),
        insideEllipse: d.pixel(1200, 300),
        untouched: d.pixel(1500, 1000),
        originalUnchanged: photo.id !== copy.id,
      };
    }, WATERMARK);

    const bytes = Buffer.from(result.blob, "base64");
    expect(result.size).toEqual([1600, 1200, 1600, 1200]);
    expect(result.id).toBe(sha256(bytes));
    expect(bytes.length).toBe(result.bytes);
    expect(bytes.length).toBeLessThanOrEqual(500 * 1024);
    expect(result.originalUnchanged).toBe(true);
    expectColourNear(result.onShaft, [239, 28, 28], 40);
    expectColourNear(result.onEllipseLeft, [250, 204, 21], 40);
    expectColourNear(result.insideEllipse, [200, 220, 240], 8);
    expectColourNear(result.untouched, [200, 220, 240], 8);
  });
});
