/**
 * The BlobStore on any S3-compatible object store (MinIO, Ceph, cloud OSS, AWS), chosen when
 * S3_ENDPOINT is set. Keys are the same content-addressed keys as on the filesystem; an object's
 * Content-Type is stored with it. Like the file store, it knows nothing of photos or permissions.
 */
import "server-only";

import {
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";

import { assertKey, type BlobStore, isValidKey } from "./blob-store";

export type S3Config = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: boolean;
};

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey");

export function createS3BlobStore(config: S3Config): BlobStore {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default extra checksums are not understood by every S3-compatible store (older MinIO,
    // Ceph, some cloud OSS); send and check them only where the S3 API requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = config.bucket;

  return {
    // A PUT replaces the object atomically: readers see the old or the new bytes, never a mix.
    async put(key, bytes, contentType) {
      assertKey(key);
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }),
      );
    },

    async get(key) {
      assertKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) return null;
        // The SDK types the web stream's chunks loosely; they are bytes.
        const body = object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
        return { size: object.ContentLength ?? 0, body };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async has(key) {
      assertKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async *list() {
      for await (const page of paginateListObjectsV2({ client }, { Bucket })) {
        // The bucket may be shared with other tools; only keys this store could have written count.
        yield* (page.Contents ?? []).map((object) => object.Key ?? "").filter(isValidKey);
      }
    },
  };
}
