import { describe, expect, it } from "vitest";

import {
  annotationShapesSchema,
  arrowHead,
  containRect,
  isDrawnDrag,
  labelFontSize,
  MAX_LABEL_CHARS,
  strokeWidth,
  toNormalized,
  toPixels,
  type AnnotationShape,
} from "@/lib/domain/photo/annotation";

const PHOTO = { width: 1600, height: 1200 };
/** The annotator's canvas on a 390×844 phone, between its bars. */
const PHONE_VIEW = { width: 390, height: 640 };

describe("containRect", () => {
  it("fits a landscape photo to the width of a portrait view, centred vertically", () => {
    expect(containRect(PHOTO, PHONE_VIEW)).toEqual({ x: 0, y: 173.75, width: 390, height: 292.5 });
  });

  it("fits a portrait photo to the height of a wide view, centred horizontally", () => {
    expect(containRect({ width: 1200, height: 1600 }, { width: 800, height: 400 })).toEqual({
      x: 250,
      y: 0,
      width: 300,
      height: 400,
    });
  });
});

describe("screen to photo coordinates", () => {
  const rect = containRect(PHOTO, PHONE_VIEW);

  it("maps a touch on the photo to the same spot of the full-resolution image", () => {
    const touch = { x: 97.5, y: 173.75 + 292.5 * 0.75 };
    const onPhoto = toNormalized(touch, rect);
    expect(onPhoto).toEqual({ x: 0.25, y: 0.75 });
    expect(toPixels(onPhoto, { x: 0, y: 0, ...PHOTO })).toEqual({ x: 400, y: 900 });
  });

  it("keeps a finger that slides past the photo's edge on the edge", () => {
    expect(toNormalized({ x: -20, y: 10 }, rect)).toEqual({ x: 0, y: 0 });
    expect(toNormalized({ x: 500, y: 800 }, rect)).toEqual({ x: 1, y: 1 });
  });

  it("round-trips a point between screen and photo", () => {
    const touch = { x: 201.3, y: 300.7 };
    const back = toPixels(toNormalized(touch, rect), rect);
    expect(back.x).toBeCloseTo(touch.x, 9);
    expect(back.y).toBeCloseTo(touch.y, 9);
  });
});

describe("mark sizes", () => {
  it("look the same on the phone's preview and on the full-resolution copy", () => {
    const preview = containRect(PHOTO, PHONE_VIEW);
    expect(strokeWidth(PHOTO) / PHOTO.width).toBeCloseTo(strokeWidth(preview) / preview.width, 9);
    expect(labelFontSize(PHOTO) / PHOTO.width).toBeCloseTo(
      labelFontSize(preview) / preview.width,
      9,
    );
  });

  it("never get thinner than 2 px or smaller than 12 px on a tiny drawing", () => {
    expect(strokeWidth({ width: 40, height: 30 })).toBe(2);
    expect(labelFontSize({ width: 40, height: 30 })).toBe(12);
  });
});

describe("arrowHead", () => {
  it("puts both wings behind the tip, symmetric about a horizontal shaft", () => {
    const [left, right] = arrowHead({ x: 0, y: 100 }, { x: 200, y: 100 }, 4);
    expect(left.x).toBeCloseTo(200 - 20 * Math.cos(Math.PI / 6), 9);
    expect(right.x).toBeCloseTo(left.x, 9);
    expect(left.y - 100).toBeCloseTo(-(right.y - 100), 9);
    expect(Math.abs(left.y - 100)).toBeCloseTo(10, 9);
  });

  it("is at most half as long as a short shaft", () => {
    const [left] = arrowHead({ x: 0, y: 0 }, { x: 10, y: 0 }, 4);
    expect(Math.hypot(10 - left.x, left.y)).toBeCloseTo(5, 9);
  });
});

describe("isDrawnDrag", () => {
  it.each([
    [{ x: 10, y: 10 }, { x: 15, y: 15 }, false],
    [{ x: 10, y: 10 }, { x: 22, y: 10 }, true],
  ])("a drag from %o to %o draws a shape: %s", (from, to, draws) => {
    expect(isDrawnDrag(from, to)).toBe(draws);
  });
});

describe("annotationShapesSchema", () => {
  const arrow: AnnotationShape = {
    kind: "arrow",
    from: { x: 0.1, y: 0.1 },
    to: { x: 0.5, y: 0.5 },
    color: "red",
  };

  it("accepts arrows, ellipses and labels", () => {
    const shapes: AnnotationShape[] = [
      arrow,
      { kind: "ellipse", from: { x: 0.2, y: 0.2 }, to: { x: 0.4, y: 0.3 }, color: "yellow" },
      { kind: "text", at: { x: 0.6, y: 0.1 }, text: "灭火器过期", color: "white" },
    ];
    expect(annotationShapesSchema.parse(shapes)).toEqual(shapes);
  });

  it.each<[string, unknown, string]>([
    ["no marks", [], "请至少画一个标注"],
    ["a point off the photo", [{ ...arrow, to: { x: 1.2, y: 0.5 } }], "标注超出照片"],
    [
      "a long label",
      [{ kind: "text", at: { x: 0, y: 0 }, text: "字".repeat(MAX_LABEL_CHARS + 1), color: "red" }],
      `标注文字不能超过 ${MAX_LABEL_CHARS} 字`,
    ],
    [
      "a blank label",
      [{ kind: "text", at: { x: 0, y: 0 }, text: "  ", color: "red" }],
      "请输入标注文字",
    ],
    ["an unknown colour", [{ ...arrow, color: "blue" }], "无效的标注颜色"],
  ])("refuses %s", (_, shapes, message) => {
    const result = annotationShapesSchema.safeParse(shapes);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
