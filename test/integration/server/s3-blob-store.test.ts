import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getBlobStore } from "@/lib/server/blobs/blob-store";
import { demoPhoto } from "@/lib/server/seed/demo-photos";

import { GET, PUT } from "@/app/api/photos/[sha256]/route";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import {
  s3Env,
  S3_TEST_BUCKET,
  S3_TEST_KEYS,
  startS3Server,
  type TestS3Server,
} from "../../helpers/s3-server";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/**
 * The blob store on a real S3-compatible server (s3rver over HTTP on loopback), selected the way a
 * deployment selects it: through the S3_* variables, which must be set before serverEnv() caches them.
 */
const port = 22_000 + Math.floor(Math.random() * 5_000);
Object.assign(process.env, s3Env(port));

let s3: TestS3Server;
let t: TestDatabase;
let cookie: string;

beforeAll(async () => {
  s3 = await startS3Server(port);
  t = await createTestDatabase();
  await createUserWithRole({ username: "s3inspector", role: "inspector" });
  cookie = await signInAs("s3inspector");
});
afterAll(async () => {
  await t.drop();
  await s3.close();
});

const read = async (body: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(body).arrayBuffer());

describe("the S3 blob store", () => {
  it("reads back what was put, with its size, and lists it", async () => {
    const store = getBlobStore();
    const key = "ab".padEnd(64, "1");
    await store.put(key, Buffer.from("整改照片"), "image/jpeg");

    expect(await store.has(key)).toBe(true);
    const blob = await store.get(key);
    expect(blob?.size).toBe(Buffer.byteLength("整改照片"));
    expect((await read(blob!.body)).toString()).toBe("整改照片");
    const keys: string[] = [];
    for await (const listed of store.list()) keys.push(listed);
    expect(keys).toContain(key);
  });

  it("answers null and false for a key that was never put", async () => {
    const store = getBlobStore();
    const key = "cd".padEnd(64, "2");
    expect(await store.get(key)).toBeNull();
    expect(await store.has(key)).toBe(false);
  });

  it("refuses a key that could name another object, before any request", async () => {
    const before = s3.stored.length;
    await expect(
      getBlobStore().put("../other-bucket/x", Buffer.from("x"), "image/jpeg"),
    ).rejects.toThrow("无效的存储键");
    expect(s3.stored.length).toBe(before);
  });
});

describe("PUT and GET /api/photos/{sha256} on S3", () => {
  const params = (id: string) => ({ params: Promise.resolve({ sha256: id }) });
  const put = (bytes: Buffer, id: string) =>
    PUT(
      authedRequest(`/api/photos/${id}`, cookie, {
        method: "PUT",
        body: new Uint8Array(bytes),
        headers: { "content-type": "image/png" },
      }),
      params(id),
    );

  it("stores a new photo once: a repeat upload is a no-op that writes nothing to the bucket", async () => {
    const photo = demoPhoto(101);

    const first = await put(photo.bytes, photo.id);
    expect(first.status).toBe(201);
    expect(s3.stored.filter((key) => key === photo.id)).toHaveLength(1);

    const again = await put(photo.bytes, photo.id);
    expect(again.status).toBe(200);
    expect(s3.stored.filter((key) => key === photo.id)).toHaveLength(1);

    const response = await GET(authedRequest(`/api/photos/${photo.id}`, cookie), params(photo.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect((await read(response.body!)).equals(Buffer.from(photo.bytes))).toBe(true);
  });

  it("answers 404 JSON when the bucket lost a photo the database still lists", async () => {
    const photo = demoPhoto(102);
    expect((await put(photo.bytes, photo.id)).status).toBe(201);
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: S3_TEST_KEYS,
    });
    await client.send(new DeleteObjectCommand({ Bucket: S3_TEST_BUCKET, Key: photo.id }));

    const response = await GET(authedRequest(`/api/photos/${photo.id}`, cookie), params(photo.id));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });
});
