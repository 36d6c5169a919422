import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import {
  aStartedVisit,
  aVisit,
  anId,
  MINUTE,
  SCHOOL_ID,
  STARTED_AT,
  VISIT_ID,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

describe("visitStore", () => {
  it("lists visits most recently changed first", async () => {
    const { db, stores } = await openTestStores();
    await db.put("visits", aVisit({ id: anId(1), updatedAt: STARTED_AT }));
    await db.put("visits", aVisit({ id: anId(2), updatedAt: STARTED_AT + MINUTE }));

    expect((await stores.visits.list()).map((v) => v.id)).toEqual([anId(2), anId(1)]);
  });

  it("lists the visits of one school", async () => {
    const { db, stores } = await openTestStores();
    await db.put("visits", aVisit({ id: anId(1) }));
    await db.put("visits", aVisit({ id: anId(2), schoolId: anId(99) }));

    expect((await stores.visits.listForSchool(SCHOOL_ID)).map((v) => v.id)).toEqual([anId(1)]);
  });

  it("reports a record that fails the read check, leaves it in place and lists the rest", async () => {
    const { db, stores, unreadable } = await openTestStores();
    const { visit, mutation } = aStartedVisit();
    await stores.visits.saveWithMutation(visit, mutation);
    // Damage: a key the schema requires is missing (older shapes are rewritten by the upgrade).
    const { kind: _kind, ...broken } = aVisit({ id: VISIT_ID });
    await db.put("visits", broken as never);

    expect(await stores.visits.list()).toEqual([visit]);
    expect(await stores.visits.get(VISIT_ID)).toBeUndefined();
    expect(unreadable).toEqual([
      { store: "visits", key: VISIT_ID, message: "visits.kind: missing" },
      { store: "visits", key: VISIT_ID, message: "visits.kind: missing" },
    ]);
    expect(await db.get("visits", VISIT_ID)).toEqual(broken);
  });

  it("validates a visit when it is written, so reads can trust it", async () => {
    const { db, stores } = await openTestStores();
    const { visit, mutation } = aStartedVisit();

    await expect(
      stores.visits.saveWithMutation({ ...visit, kind: "audit" } as never, mutation),
    ).rejects.toThrow();
    expect(await db.count("visits")).toBe(0);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });
});
