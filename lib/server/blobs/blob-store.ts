/**
 * Where photo and PDF bytes live: a key → bytes store. The filesystem implementation keeps them under
 * DATA_DIR/blobs; with S3_ENDPOINT set they go to an S3-compatible object store (s3-blob-store.ts). It
 * knows nothing of photos or permissions: callers check those and keep the content type in their rows.
 */
import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

import { serverEnv } from "../env";
import { createS3BlobStore } from "./s3-blob-store";

export type StoredBlob = { size: number; body: ReadableStream<Uint8Array> };

export interface BlobStore {
  /** Stores `bytes` under `key`, replacing what was there; readers never see a half-written blob. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The blob as a stream, or null when there is none. */
  get(key: string): Promise<StoredBlob | null>;
  has(key: string): Promise<boolean>;
  /** Every key in the store, in no particular order (for backups). */
  list(): AsyncIterable<string>;
}

/**
 * Keys start with two lowercase hex characters (the shard directory, as a SHA-256 does) followed by
 * lowercase letters, digits and hyphens only, so a key can never name a path outside the store.
 */
const KEY_PATTERN = /^[0-9a-f]{2}[0-9a-z-]{0,126}$/;

export function assertKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`无效的存储键: ${JSON.stringify(key)}`);
}

export const isValidKey = (key: string) => KEY_PATTERN.test(key);

const isMissing = (error: unknown) =>
  error instanceof Error && "code" in error && error.code === "ENOENT";

/** Blobs as files under `root`, sharded as `root/ab/abcdef…` so no directory grows huge. */
export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    assertKey(key);
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    // The file system keeps bytes only (no content type): the caller's row has the type.
    async put(key, bytes) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write a uniquely named temp file in the same directory, flush it, then rename: rename is atomic
      // on one file system, so a crash or a concurrent put never leaves a partial blob under `key`.
      // Temp names contain a dot, which no key can, so they never collide with a blob.
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await fs.writeFile(temp, bytes, { flush: true });
        await fs.rename(temp, target);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(pathOf(key), "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        // The stream owns the handle from here and closes it when done or cancelled.
        const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
        return { size, body };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async has(key) {
      try {
        await fs.access(pathOf(key));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async *list() {
      const shards = await fs.readdir(root).catch((error: unknown) => {
        if (isMissing(error)) return [];
        throw error;
      });
      for (const shard of shards.sort()) {
        // Leftover temp files of an interrupted put contain a dot, so isValidKey skips them.
        const names = await fs.readdir(path.join(root, shard));
        yield* names.filter((name) => name.startsWith(shard) && isValidKey(name)).sort();
      }
    },
  };
}

/** The app's blob store: the S3-compatible one when S3_ENDPOINT is set, else files under DATA_DIR/blobs. */
export function getBlobStore(): BlobStore {
  const env = serverEnv();
  if (!env.S3_ENDPOINT) return createFileBlobStore(path.join(env.dataDir, "blobs"));
  // One client per process: it keeps its HTTP connections alive between requests.
  const g = globalThis as typeof globalThis & { __duxueS3Store?: BlobStore };
  return (g.__duxueS3Store ??= createS3BlobStore({
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
  }));
}
