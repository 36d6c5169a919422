import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import type { PulledChanges } from "@/lib/offline/pull-store";

import {
  aStartedVisit,
  aSubmittedVisit,
  anId,
  anOpenItem,
  aVisit,
  aVisitAnswer,
  aVisitPack,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

function changes(overrides: Partial<PulledChanges> = {}): PulledChanges {
  return { cursor: "10", reset: false, visits: [], answers: [], items: [], ...overrides };
}

describe("pullStore", () => {
  it("stores the changes and the cursor together", async () => {
    const { stores } = await openTestStores();

    await stores.pull.apply(
      changes({ visits: [aSubmittedVisit()], answers: [aVisitAnswer()], items: [anOpenItem()] }),
    );

    expect(await stores.visits.list()).toEqual([aSubmittedVisit()]);
    expect(await stores.answers.listForVisit(aVisit().id)).toEqual([aVisitAnswer()]);
    expect(await stores.pack.listOpenItems()).toEqual([anOpenItem()]);
    expect(await stores.meta.getCursor()).toBe("10");
  });

  it("keeps the phone's copy of a visit with mutations waiting to be pushed", async () => {
    const { stores } = await openTestStores();
    const { visit, mutation } = aStartedVisit();
    await stores.visits.saveWithMutation(visit, mutation);

    await stores.pull.apply(
      changes({
        visits: [{ ...visit, summary: "服务器上的旧版本" }],
        answers: [aVisitAnswer({ visitId: visit.id })],
      }),
    );

    expect(await stores.visits.get(visit.id)).toEqual(visit);
    expect(await stores.answers.listForVisit(visit.id)).toEqual([]);
  });

  it("removes items that were closed or cancelled", async () => {
    const { stores } = await openTestStores();
    await stores.pack.replace(
      aVisitPack({ openItems: [anOpenItem(), anOpenItem({ id: anId(801) })] }),
    );

    await stores.pull.apply(
      changes({
        items: [
          anOpenItem({ status: "closed" }),
          anOpenItem({ id: anId(801), status: "cancelled" }),
        ],
      }),
    );

    expect(await stores.pack.listOpenItems()).toEqual([]);
  });

  it("on a reset drops server data the phone has no unsent edits for", async () => {
    const { db, stores } = await openTestStores();
    const { visit: local, mutation } = aStartedVisit();
    await stores.visits.saveWithMutation(local, mutation);
    await db.put("visits", aSubmittedVisit({ id: anId(70) }));
    await db.put("answers", aVisitAnswer({ visitId: anId(70) }));
    await stores.pack.replace(aVisitPack());

    await stores.pull.apply(changes({ reset: true, visits: [aSubmittedVisit({ id: anId(71) })] }));

    expect((await stores.visits.list()).map((v) => v.id).sort()).toEqual(
      [local.id, anId(71)].sort(),
    );
    expect(await stores.answers.listForVisit(anId(70))).toEqual([]);
    expect(await stores.pack.listOpenItems()).toEqual([]);
  });
});
