import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { anId, idSequence, STARTED_AT } from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

describe("metaStore", () => {
  it("makes the client id once and returns the same one afterwards", async () => {
    const { stores } = await openTestStores();
    const newId = idSequence(40);

    const first = await stores.meta.getOrCreateClientId(newId);
    const second = await stores.meta.getOrCreateClientId(newId);

    expect([first, second]).toEqual([anId(40), anId(40)]);
  });

  it("starts with no cursor, no sync and no pack", async () => {
    const { stores } = await openTestStores();

    expect(await stores.meta.getCursor()).toBeNull();
    expect(await stores.meta.getSyncState()).toEqual({ lastSyncAt: null, lastError: null });
    expect(await stores.meta.getPackGeneratedAt()).toBeNull();
  });

  it("keeps the last sync time and error", async () => {
    const { stores } = await openTestStores();
    const state = {
      lastSyncAt: STARTED_AT,
      lastError: { message: "网络不可用", at: STARTED_AT + 1, httpStatus: null },
    };

    await stores.meta.saveSyncState(state);

    expect(await stores.meta.getSyncState()).toEqual(state);
  });
});
