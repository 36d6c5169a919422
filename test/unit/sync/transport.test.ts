import { describe, expect, it, vi } from "vitest";

import { createTransport } from "@/lib/sync/transport";

import { anId, aPhotoHash, CLIENT_ID } from "@/test/helpers/builders/visit";

/** A fetch that answers with `respond()` (or fails with what it throws), asynchronously like the real one. */
function fakeFetch(respond: () => Response) {
  return vi.fn<typeof fetch>(() => Promise.resolve().then(respond));
}

describe("createTransport", () => {
  it("puts a photo's bytes at its hash with its content type", async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 201 }));
    const blob = new Blob(["jpeg bytes"], { type: "image/jpeg" });

    const result = await createTransport({ fetch }).putPhoto(aPhotoHash("a"), blob, "image/jpeg");

    expect(result).toEqual({ kind: "http", ok: true, status: 201, body: null });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/photos/${aPhotoHash("a")}`);
    expect(init).toMatchObject({
      method: "PUT",
      headers: { "Content-Type": "image/jpeg" },
      body: blob,
    });
  });

  it("posts a push as JSON and returns the parsed body", async () => {
    const fetch = fakeFetch(() => Response.json({ results: [] }));
    const body = { clientId: CLIENT_ID, mutations: [] };

    const result = await createTransport({ fetch, baseUrl: "https://duxue.example" }).push(body);

    expect(result).toEqual({ kind: "http", ok: true, status: 200, body: { results: [] } });
    expect(fetch.mock.calls[0]?.[0]).toBe("https://duxue.example/api/sync/push");
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: "POST", body: JSON.stringify(body) });
  });

  it.each([
    [null, "/api/sync/pull"],
    ["17", "/api/sync/pull?cursor=17"],
    // A query string's own encoding: the server reads the cursor back as "a b&c".
    ["a b&c", "/api/sync/pull?cursor=a+b%26c"],
  ])("pulls from cursor %s at %s", async (cursor, url) => {
    const fetch = fakeFetch(() => Response.json({ cursor: "1", changes: [] }));

    await createTransport({ fetch }).pull(cursor);

    expect(fetch.mock.calls[0]?.[0]).toBe(url);
  });

  it("gets the visit pack", async () => {
    const fetch = fakeFetch(() => Response.json({}));

    await createTransport({ fetch }).getPack();

    expect(fetch.mock.calls[0]?.[0]).toBe("/api/inspect/pack");
  });

  it("returns an HTTP error as a result instead of throwing", async () => {
    const fetch = fakeFetch(() => Response.json({ message: "照片超过 5 MB" }, { status: 413 }));

    const result = await createTransport({ fetch }).putPhoto(
      aPhotoHash("b"),
      new Blob(["x"]),
      "image/png",
    );

    expect(result).toEqual({
      kind: "http",
      ok: false,
      status: 413,
      body: { message: "照片超过 5 MB" },
    });
  });

  it("returns a non-JSON body as text", async () => {
    const fetch = fakeFetch(() => new Response("<html>Wi-Fi 登录</html>", { status: 200 }));

    expect(await createTransport({ fetch }).pull(null)).toMatchObject({
      body: "<html>Wi-Fi 登录</html>",
    });
  });

  it("returns a network failure when fetch throws", async () => {
    const fetch = fakeFetch(() => {
      throw new TypeError("Failed to fetch");
    });

    expect(await createTransport({ fetch }).push({ clientId: CLIENT_ID, mutations: [] })).toEqual({
      kind: "network",
      message: "Failed to fetch",
    });
  });

  it("returns a network failure when the body is cut off", async () => {
    const broken = new Response(
      new ReadableStream({
        start(controller) {
          controller.error(new Error("connection reset"));
        },
      }),
    );
    const fetch = fakeFetch(() => broken);

    expect(await createTransport({ fetch }).pull(anId(1))).toEqual({
      kind: "network",
      message: "connection reset",
    });
  });
});
