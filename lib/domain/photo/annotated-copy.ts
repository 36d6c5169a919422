/**
 * How an annotated copy relates to its original: what the annotator opens for a photo, and the
 * metadata of the copy it makes. The copy is the evidence; the original is never replaced or lost.
 */
import type { AnnotationShape } from "./annotation";
import type { PhotoId } from "./photo.schema";
import type { PhotoMeta } from "../visit/visit.schema";

/**
 * What to draw on when the inspector annotates `photo`: always the original, with the marks of the
 * copy being edited, so marks can be taken back and a copy is never drawn on a copy.
 */
export function annotationSource(photo: PhotoMeta): {
  originalId: PhotoId;
  shapes: AnnotationShape[];
} {
  return photo.annotation
    ? { originalId: photo.annotation.originalId, shapes: photo.annotation.shapes }
    : { originalId: photo.id, shapes: [] };
}

/**
 * The metadata of an annotated copy of `original`: it belongs where the original does and keeps its
 * capture time and place (the scene is the original's); its own bytes and size are the copy's.
 */
export function annotatedCopyMeta(
  original: PhotoMeta,
  copy: Pick<PhotoMeta, "id" | "mime" | "bytes" | "width" | "height">,
  shapes: AnnotationShape[],
): PhotoMeta {
  const { annotation: _ignored, ...base } = original;
  return { ...base, ...copy, annotation: { originalId: original.id, shapes } };
}
