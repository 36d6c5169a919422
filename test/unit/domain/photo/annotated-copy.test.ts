import { describe, expect, it } from "vitest";

import { annotatedCopyMeta, annotationSource } from "@/lib/domain/photo/annotated-copy";
import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import { photoMetaSchema } from "@/lib/domain/visit/visit.schema";

import { aPhotoHash, aPhotoMeta } from "@/test/helpers/builders/visit";

const ARROW: AnnotationShape = {
  kind: "arrow",
  from: { x: 0.1, y: 0.1 },
  to: { x: 0.5, y: 0.5 },
  color: "red",
};
const LABEL: AnnotationShape = {
  kind: "text",
  at: { x: 0.5, y: 0.6 },
  text: "灭火器过期",
  color: "red",
};
const original = aPhotoMeta({ id: aPhotoHash("a"), bytes: 300_000 });
const copyBytes = {
  id: aPhotoHash("b"),
  mime: "image/jpeg",
  bytes: 320_000,
  width: 1600,
  height: 1200,
} as const;

describe("annotatedCopyMeta", () => {
  it("records the original beside the copy, and the marks drawn", () => {
    const copy = annotatedCopyMeta(original, copyBytes, [ARROW, LABEL]);
    expect(copy).toEqual({
      ...original,
      ...copyBytes,
      annotation: { originalId: aPhotoHash("a"), shapes: [ARROW, LABEL] },
    });
    expect(photoMetaSchema.parse(copy)).toEqual(copy);
  });

  it("keeps where and when the original was taken, and what it is for", () => {
    const copy = annotatedCopyMeta(original, copyBytes, [ARROW]);
    expect(copy).toMatchObject({
      visitId: original.visitId,
      capturedAt: original.capturedAt,
      location: original.location,
      takenBy: original.takenBy,
      purpose: original.purpose,
    });
  });
});

describe("annotationSource", () => {
  it("opens a photo never annotated as its own original, with no marks", () => {
    expect(annotationSource(original)).toEqual({ originalId: aPhotoHash("a"), shapes: [] });
  });

  it("opens an annotated copy on its original with the copy's marks, never on the copy", () => {
    const copy = annotatedCopyMeta(original, copyBytes, [ARROW]);
    expect(annotationSource(copy)).toEqual({ originalId: aPhotoHash("a"), shapes: [ARROW] });
  });

  it("points a copy made from a copy's marks back to the first original", () => {
    const first = annotatedCopyMeta(original, copyBytes, [ARROW]);
    const source = annotationSource(first);
    const second = annotatedCopyMeta(
      { ...original, id: source.originalId },
      { ...copyBytes, id: aPhotoHash("c") },
      [...source.shapes, LABEL],
    );
    expect(second.annotation).toEqual({ originalId: aPhotoHash("a"), shapes: [ARROW, LABEL] });
  });
});
