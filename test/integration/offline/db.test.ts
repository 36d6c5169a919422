import "fake-indexeddb/auto";

import { openDB } from "idb";
import { describe, expect, it, vi } from "vitest";

import { DB_NAME, DB_VERSION, openAppDb } from "@/lib/offline/db";

import { freshIndexedDb } from "@/test/helpers/offline-db";

describe("openAppDb", () => {
  it("creates every store and index on a phone that never ran the app", async () => {
    freshIndexedDb();
    const db = await openAppDb();

    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "answers",
      "meta",
      "outbox",
      "photos",
      "rectificationItems",
      "schools",
      "templates",
      "visits",
    ]);
    const outbox = db.transaction("outbox").store;
    expect([...outbox.indexNames].sort()).toEqual(["byMutationId", "byStatus", "byVisitStatus"]);
    expect(outbox.autoIncrement).toBe(true);
    db.close();
  });

  it("reopens an existing database without touching its data", async () => {
    freshIndexedDb();
    const first = await openAppDb();
    await first.put("meta", { key: "pullCursor", value: "7" });
    first.close();

    const second = await openAppDb();

    expect(await second.get("meta", "pullCursor")).toEqual({ key: "pullCursor", value: "7" });
    second.close();
  });

  it("closes its connection and tells the page when a newer version wants to upgrade", async () => {
    freshIndexedDb();
    const onVersionChange = vi.fn();
    const db = await openAppDb({ onVersionChange });

    const newer = await openDB(DB_NAME, DB_VERSION + 1);

    expect(onVersionChange).toHaveBeenCalledOnce();
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => db.transaction("visits")).toThrow();
    newer.close();
  });
});
