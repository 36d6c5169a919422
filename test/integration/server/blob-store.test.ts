import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { type BlobStore, createFileBlobStore } from "@/lib/server/blobs/blob-store";

const KEY = "ab12cd34ef56";

let root: string;
let store: BlobStore;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "duxue-blobs-"));
  store = createFileBlobStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const filesUnder = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

async function read(key: string): Promise<Buffer | null> {
  const blob = await store.get(key);
  return blob && Buffer.from(await new Response(blob.body).arrayBuffer());
}

describe("createFileBlobStore", () => {
  it("reads back what was put, from a directory named by the key's first two characters", async () => {
    await store.put(KEY, Buffer.from("照片字节"), "image/jpeg");

    expect(await store.has(KEY)).toBe(true);
    expect((await store.get(KEY))?.size).toBe(Buffer.byteLength("照片字节"));
    expect((await read(KEY))?.toString()).toBe("照片字节");
    expect(filesUnder(root)).toEqual([path.join("ab", KEY)]);
  });

  it("lists every stored key and no temp file of an interrupted put", async () => {
    await store.put(KEY, Buffer.from("a"), "image/jpeg");
    await store.put("cd34", Buffer.from("b"), "image/jpeg");
    fs.writeFileSync(path.join(root, "ab", `${KEY}.0123.tmp`), "half");

    const keys: string[] = [];
    for await (const key of store.list()) keys.push(key);

    expect(keys).toEqual([KEY, "cd34"]);
  });

  it("answers null and false when the key was never put", async () => {
    expect(await store.get(KEY)).toBeNull();
    expect(await store.has(KEY)).toBe(false);
  });

  it("leaves one whole blob and no temp files when the same key is put concurrently", async () => {
    const versions = Array.from({ length: 10 }, (_, i) => Buffer.alloc(256 * 1024, i));

    await Promise.all(versions.map((bytes) => store.put(KEY, bytes, "image/jpeg")));

    const stored = await read(KEY);
    expect(versions.some((bytes) => bytes.equals(stored!))).toBe(true);
    expect(filesUnder(root)).toEqual([path.join("ab", KEY)]);
  });

  it.each(["../../etc/passwd", "ab/../../x", "AB12", "a", "", "ab.tmp", "zz12"])(
    "refuses the key %j and writes nothing",
    async (key) => {
      await expect(store.put(key, Buffer.from("x"), "image/jpeg")).rejects.toThrow("无效的存储键");
      await expect(store.get(key)).rejects.toThrow("无效的存储键");
      expect(filesUnder(root)).toEqual([]);
    },
  );
});
