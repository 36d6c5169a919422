import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_PHOTO_BYTES } from "@/lib/domain/photo/photo.schema";
import { districts, photos, schools, zoneInspectors, zones } from "@/lib/server/db/schema";
import { serverEnv } from "@/lib/server/env";
import { demoPhoto } from "@/lib/server/seed/demo-photos";
import { newId } from "@/lib/utils/ids";

import { GET, PUT } from "@/app/api/photos/[sha256]/route";
import { GET as GET_THUMBNAIL } from "@/app/api/photos/[sha256]/thumbnail/route";
import { aSchool } from "@/test/helpers/builders/template";

import { authedRequest, createUserWithRole, signInAs } from "../../helpers/auth";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

// serverEnv() caches DATA_DIR on first use, so point it at a temp dir before anything reads it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-photos-"));
process.env.DATA_DIR = dataDir;
const blobRoot = path.join(dataDir, "blobs");

let t: TestDatabase;
const ids = { district: newId(), east: newId(), west: newId(), s01: newId(), s02: newId() };
const userIds: Record<string, string> = {};
const cookie = {
  inspector1: "",
  inspector2: "",
  inspector3: "",
  school01: "",
  school02: "",
  office: "",
};

/**
 * One district, two zones with one school each: inspector1 looks after S01 (east), inspector2 after
 * S02 (west), inspector3 after no zone at all; school01 and school02 speak for their schools.
 */
async function seedDistrict(): Promise<void> {
  await t.db
    .insert(districts)
    .values({ id: ids.district, code: "photos", name: "照片区", noticePrefix: "照督改" });
  await t.db.insert(zones).values([
    { id: ids.east, districtId: ids.district, name: "城东责任区" },
    { id: ids.west, districtId: ids.district, name: "城西责任区" },
  ]);
  await t.db.insert(schools).values([
    {
      id: ids.s01,
      districtId: ids.district,
      zoneId: ids.east,
      code: "S01",
      name: "实验小学",
      ...aSchool(),
    },
    {
      id: ids.s02,
      districtId: ids.district,
      zoneId: ids.west,
      code: "S02",
      name: "第二小学",
      ...aSchool(),
    },
  ]);
  const accounts = [
    { username: "inspector1", role: "inspector", districtId: ids.district },
    { username: "inspector2", role: "inspector", districtId: ids.district },
    { username: "inspector3", role: "inspector", districtId: ids.district },
    { username: "school01", role: "school", schoolId: ids.s01 },
    { username: "school02", role: "school", schoolId: ids.s02 },
    { username: "office", role: "office", districtId: ids.district },
  ] as const;
  for (const account of accounts) userIds[account.username] = await createUserWithRole(account);
  await t.db.insert(zoneInspectors).values([
    { zoneId: ids.east, userId: userIds.inspector1! },
    { zoneId: ids.west, userId: userIds.inspector2! },
  ]);
}

beforeAll(async () => {
  expect(serverEnv().dataDir).toBe(dataDir);
  t = await createTestDatabase();
  await seedDistrict();
  for (const name of Object.keys(cookie) as (keyof typeof cookie)[]) {
    cookie[name] = await signInAs(name);
  }
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0];
/** A real JPEG, made once; each test's own copy carries its label in a comment segment. */
const baseJpeg = await sharp(demoPhoto(0).bytes).jpeg().toBuffer();
/** Real images of their own per test (photos are content-addressed, so tests stay independent). */
function aJpeg(label: string): Uint8Array<ArrayBuffer> {
  const comment = Buffer.from(label);
  const length = comment.length + 2;
  return new Uint8Array(
    Buffer.concat([
      baseJpeg.subarray(0, 2),
      Buffer.from([0xff, 0xfe, length >> 8, length & 0xff]),
      comment,
      baseJpeg.subarray(2),
    ]),
  );
}
const aPng = (label: string) => new Uint8Array(demoPhoto(0, label).bytes);

const params = (id: string) => ({ params: Promise.resolve({ sha256: id }) });

function put(
  bytes: BodyInit,
  as: string | null,
  { id, headers }: { id: string; headers?: Record<string, string> },
) {
  // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know the option yet.
  const init: RequestInit & { duplex: "half" } = {
    method: "PUT",
    body: bytes,
    headers: { "content-type": "image/jpeg", ...headers },
    duplex: "half",
  };
  return PUT(authedRequest(`/api/photos/${id}`, as, init), params(id));
}

const get = (id: string, as: string | null) =>
  GET(authedRequest(`/api/photos/${id}`, as), params(id));
const getThumbnail = (id: string, as: string | null) =>
  GET_THUMBNAIL(authedRequest(`/api/photos/${id}/thumbnail`, as), params(id));

/** Every file under the blob store, relative to it (temp files included). */
function blobFiles(): string[] {
  if (!fs.existsSync(blobRoot)) return [];
  return fs
    .readdirSync(blobRoot, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(blobRoot, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("PUT /api/photos/{sha256}", () => {
  it("stores new bytes with 201 and answers 200 for the same bytes again, with one row and one file", async () => {
    const bytes = aJpeg("first upload");
    const id = sha256(bytes);

    const first = await put(bytes, cookie.inspector1, { id });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id, mime: "image/jpeg", bytes: bytes.length });

    const again = await put(bytes, cookie.inspector1, { id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, mime: "image/jpeg", bytes: bytes.length });

    const rows = await t.db.select().from(photos).where(eq(photos.id, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      mime: "image/jpeg",
      bytes: bytes.length,
      uploadedBy: userIds.inspector1,
      schoolId: null,
    });
    expect(blobFiles().filter((f) => f.includes(id))).toEqual([path.join(id.slice(0, 2), id)]);
    expect(fs.readFileSync(path.join(blobRoot, id.slice(0, 2), id))).toEqual(Buffer.from(bytes));
  });

  it("stores once when two uploads of the same bytes race", async () => {
    const bytes = aJpeg("racing uploads");
    const id = sha256(bytes);

    const statuses = await Promise.all([
      put(bytes, cookie.inspector1, { id }),
      put(bytes, cookie.inspector2, { id }),
    ]).then((responses) => responses.map((r) => r.status).sort());

    expect(statuses).toEqual([200, 201]);
    expect(await t.db.$count(photos, eq(photos.id, id))).toBe(1);
    expect(blobFiles().filter((f) => f.includes(id))).toEqual([path.join(id.slice(0, 2), id)]);
  });

  it("takes the type from the bytes, not the header, when a PNG is sent as image/jpeg", async () => {
    const bytes = aPng("a signature");
    const id = sha256(bytes);

    const response = await put(bytes, cookie.inspector1, { id });

    expect(response.status).toBe(201);
    const [row] = await t.db.select({ mime: photos.mime }).from(photos).where(eq(photos.id, id));
    expect(row?.mime).toBe("image/png");
  });

  const oversized = Buffer.concat([Buffer.from(JPEG_START), Buffer.alloc(MAX_PHOTO_BYTES)]);
  const text = Buffer.from("这不是图片，只是一段文字。");

  it.each([
    {
      case: "the bytes do not hash to the address",
      send: () => put(aJpeg("damaged"), cookie.inspector1, { id: sha256(aJpeg("original")) }),
      status: 400,
      message: "照片内容与编号不符（上传不完整或已损坏），请重新上传",
    },
    {
      case: "the address is not a SHA-256",
      send: () => put(aJpeg("bad id"), cookie.inspector1, { id: "not-a-hash" }),
      status: 422,
      message: "照片编号应为 64 位十六进制 SHA-256",
    },
    {
      case: "a text file is sent as image/jpeg",
      send: () => put(text, cookie.inspector1, { id: sha256(text) }),
      status: 415,
      message: "只能上传 JPEG、PNG 或 WebP 格式的图片",
    },
    {
      case: "the body is over the limit",
      send: () => put(oversized, cookie.inspector1, { id: sha256(oversized) }),
      status: 413,
      message: "照片不能超过 5 MB",
    },
    {
      case: "Content-Length declares more than the limit",
      send: () =>
        put(aJpeg("declared big"), cookie.inspector1, {
          id: sha256(aJpeg("declared big")),
          headers: { "content-length": String(MAX_PHOTO_BYTES + 1) },
        }),
      status: 413,
      message: "照片不能超过 5 MB",
    },
    {
      case: "nobody is signed in",
      send: () => put(aJpeg("anonymous"), null, { id: sha256(aJpeg("anonymous")) }),
      status: 401,
      message: "请先登录",
    },
  ])("refuses with $status and stores nothing when $case", async ({ send, status, message }) => {
    const rowsBefore = await t.db.$count(photos);
    const filesBefore = blobFiles();

    const response = await send();

    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toBe(message);
    expect(await t.db.$count(photos)).toBe(rowsBefore);
    expect(blobFiles()).toEqual(filesBefore);
  });

  it("stops reading a body without Content-Length once it passes the limit", async () => {
    const chunk = new Uint8Array(64 * 1024);
    let pulled = 0;
    let cancelled = false;
    // Endless: a server that buffered before checking would never answer.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const rowsBefore = await t.db.$count(photos);

    const response = await put(endless, cookie.inspector1, { id: "a".repeat(64) });

    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(MAX_PHOTO_BYTES + 4 * chunk.length);
    expect(await t.db.$count(photos)).toBe(rowsBefore);
  });
});

describe("GET /api/photos/{sha256}", () => {
  async function uploaded(
    label: string,
    as = cookie.inspector1,
  ): Promise<{ id: string; bytes: Uint8Array }> {
    const bytes = aJpeg(label);
    const id = sha256(bytes);
    expect((await put(bytes, as, { id })).status).toBe(201);
    return { id, bytes };
  }

  it("serves the uploader the bytes with their type and a private, immutable cache header", async () => {
    const { id, bytes } = await uploaded("served back");

    const response = await get(id, cookie.inspector1);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(bytes));
  });

  it.each(["inspector2", "school01", "office"] as const)(
    "answers 404 to %s when the photo is not yet registered to a school",
    async (other) => {
      const { id } = await uploaded(`unregistered for ${other}`);

      const response = await get(id, cookie[other]);

      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: "not_found",
        message: "照片不存在或无权查看",
        requestId: response.headers.get("x-request-id"),
      });
    },
  );

  it.each([
    ["school01", 200],
    ["office", 200],
    ["inspector1", 200],
    ["school02", 404],
    ["inspector2", 404],
  ] as const)("answers %s with %i once the photo belongs to school S01", async (reader, status) => {
    // Uploaded by an inspector with no zone, so only scope can let the reader in.
    const { id } = await uploaded(`registered for ${reader}`, cookie.inspector3);
    await t.db.update(photos).set({ schoolId: ids.s01 }).where(eq(photos.id, id));

    const response = await get(id, cookie[reader]);

    expect(response.status).toBe(status);
  });

  it.each([
    ["an unknown photo", "0".repeat(64)],
    ["a malformed address", "not-a-hash"],
  ])("answers 404 for %s", async (_case, id) => {
    expect((await get(id, cookie.inspector1)).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    const { id } = await uploaded("anonymous reader");
    expect((await get(id, null)).status).toBe(401);
  });

  it("marks the photo with its address as ETag and forbids sniffing its type", async () => {
    const { id } = await uploaded("headers");
    const response = await get(id, cookie.inspector1);
    expect(response.headers.get("etag")).toBe(`"${id}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("GET /api/photos/{sha256}/thumbnail", () => {
  it("serves a JPEG thumbnail with the photo's cache headers", async () => {
    const bytes = aJpeg("thumbnail served");
    const id = sha256(bytes);
    expect((await put(bytes, cookie.inspector1, { id })).status).toBe(201);

    const response = await getThumbnail(id, cookie.inspector1);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toBe(`"${id}-thumb"`);
    const thumbnail = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(thumbnail.length));
    expect((await sharp(thumbnail).metadata()).format).toBe("jpeg");
  });

  it("answers each reader exactly as the photo does", async () => {
    const bytes = aJpeg("thumbnail scope");
    const id = sha256(bytes);
    expect((await put(bytes, cookie.inspector3, { id })).status).toBe(201);
    const readers = [
      "inspector1",
      "inspector2",
      "inspector3",
      "school01",
      "school02",
      "office",
    ] as const;
    const statuses = async () =>
      Promise.all(
        readers.map(async (r) => [
          (await get(id, cookie[r])).status,
          (await getThumbnail(id, cookie[r])).status,
        ]),
      );
    // Unregistered: its uploader only.
    expect(await statuses()).toEqual(
      readers.map((r) => (r === "inspector3" ? [200, 200] : [404, 404])),
    );
    await t.db.update(photos).set({ schoolId: ids.s01 }).where(eq(photos.id, id));
    expect(await statuses()).toEqual([
      [200, 200],
      [404, 404],
      [200, 200],
      [200, 200],
      [404, 404],
      [200, 200],
    ]);
    for (const address of ["0".repeat(64), "not-a-hash"]) {
      expect((await getThumbnail(address, cookie.inspector1)).status).toBe(404);
    }
    expect((await getThumbnail(id, null)).status).toBe(401);
  });
});
