import { photoPath, photoThumbnailPath } from "@/lib/contracts/sync";

import type { RenderImage } from "./document-view";

/** Photos as the server's thumbnails (never the 1600-px originals); signatures as drawn. */
export const apiImage: RenderImage = (photoId, alt, kind) => (
  // eslint-disable-next-line @next/next/no-img-element -- private, content-addressed images served by our API
  <img
    src={kind === "photo" ? photoThumbnailPath(photoId) : photoPath(photoId)}
    alt={alt}
    loading="lazy"
    className={kind === "photo" ? "h-full w-full object-cover" : "h-16 w-auto"}
  />
);
