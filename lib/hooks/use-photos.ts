"use client";

/**
 * Photos of the visit on screen: their sync state per photo, in a small store that a thumbnail
 * subscribes to by id (so a new upload state re-renders that thumbnail, not the checklist), and
 * object URLs for the thumbnails stored on the phone.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";

import { annotationSource } from "@/lib/domain/photo/annotated-copy";
import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import type { PhotoId } from "@/lib/domain/photo/photo.schema";
import type { StoredPhoto } from "@/lib/offline/photo-store";

import { openAppData } from "./use-app-db";

export type PhotoStateStore = {
  get: (id: PhotoId) => StoredPhoto | undefined;
  subscribe: (listener: () => void) => () => void;
};

/** A store over a map that is replaced, never mutated. */
export function createPhotoStateStore(initial: ReadonlyMap<PhotoId, StoredPhoto>) {
  let photos = initial;
  const listeners = new Set<() => void>();
  return {
    get: (id: PhotoId) => photos.get(id),
    all: () => photos,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    replace(next: ReadonlyMap<PhotoId, StoredPhoto>) {
      photos = next;
      for (const listener of listeners) listener();
    },
  };
}

const EMPTY_STORE: PhotoStateStore = { get: () => undefined, subscribe: () => () => undefined };
export const PhotoStateContext = createContext<PhotoStateStore>(EMPTY_STORE);

/** One photo's metadata and upload state; re-renders only when that photo changes. */
export function usePhotoState(id: PhotoId): StoredPhoto | undefined {
  const store = useContext(PhotoStateContext);
  return useSyncExternalStore(
    store.subscribe,
    () => store.get(id),
    () => undefined,
  );
}

/** An object URL of the photo's thumbnail on the phone, revoked when no longer shown. */
export function usePhotoThumbnailUrl(id: PhotoId): string | null {
  const [url, setUrl] = useState<{ id: PhotoId; url: string } | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let isCurrent = true;
    void openAppData()
      .then(({ stores }) => stores.photos.getThumbnail(id))
      .then((blob) => {
        if (!isCurrent || !blob) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl({ id, url: objectUrl });
      });
    return () => {
      isCurrent = false;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
    };
  }, [id]);
  return url?.id === id ? url.url : null;
}

export type AnnotationSource =
  | { status: "loading" }
  | { status: "ready"; original: Blob; shapes: AnnotationShape[]; isAnnotated: boolean }
  | { status: "missing" };

/**
 * What the annotator opens for a photo on the phone: the original's bytes (a copy is never drawn on
 * a copy) and the marks of the copy being edited, if it is one.
 */
export function useAnnotationSource(id: PhotoId): AnnotationSource {
  const [source, setSource] = useState<{ id: PhotoId; value: AnnotationSource } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      const { stores } = await openAppData();
      const photo = await stores.photos.get(id);
      const from = photo && annotationSource(photo.meta);
      const original = from && (await stores.photos.getBlob(from.originalId));
      const value: AnnotationSource =
        from && original
          ? { status: "ready", original, shapes: from.shapes, isAnnotated: from.shapes.length > 0 }
          : { status: "missing" };
      if (isCurrent) setSource({ id, value });
    })();
    return () => {
      isCurrent = false;
    };
  }, [id]);
  return source?.id === id ? source.value : { status: "loading" };
}
