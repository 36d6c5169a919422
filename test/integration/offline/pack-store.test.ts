import "fake-indexeddb/auto";

import { describe, expect, it } from "vitest";

import { aTemplate } from "@/test/helpers/builders/template";
import {
  anId,
  anOpenItem,
  aPackSchool,
  aVisit,
  aVisitPack,
  SCHOOL_ID,
} from "@/test/helpers/builders/visit";
import { openTestStores } from "@/test/helpers/offline-db";

describe("packStore", () => {
  it("stores the schools, templates and open items of a pack and when it was made", async () => {
    const { stores } = await openTestStores();
    const pack = aVisitPack();

    await stores.pack.replace(pack);

    expect(await stores.pack.listSchools()).toEqual(pack.schools);
    expect(await stores.pack.getSchool(SCHOOL_ID)).toEqual(pack.schools[0]);
    expect(await stores.pack.getTemplate({ code: "campus-safety", version: 1 })).toEqual(
      aTemplate(),
    );
    expect(await stores.pack.listOpenItems(SCHOOL_ID)).toEqual(pack.openItems);
    expect(await stores.meta.getPackGeneratedAt()).toBe(pack.generatedAt);
  });

  it("keeps the pack's 专项督查 and each school's 挂牌督导 status; none before a pack names them", async () => {
    const { stores } = await openTestStores();
    expect(await stores.meta.getCampaigns()).toEqual([]);
    const campaign = {
      id: anId(50),
      name: "食品安全专项",
      templateCodes: ["food-safety"],
      startsOn: "2026-03-01",
      endsOn: "2026-03-31",
      dueSchoolIds: [SCHOOL_ID],
    };
    const school = aPackSchool({
      routine: { month: "2026-03", required: 1, visitIds: [anId(60)] },
    });

    await stores.pack.replace(aVisitPack({ schools: [school], campaigns: [campaign] }));

    expect(await stores.meta.getCampaigns()).toEqual([campaign]);
    expect(await stores.pack.getSchool(SCHOOL_ID)).toEqual(school);
  });

  it("drops what a new pack no longer has", async () => {
    const { stores } = await openTestStores();
    await stores.pack.replace(
      aVisitPack({ schools: [aPackSchool(), aPackSchool({ id: anId(77) })] }),
    );

    await stores.pack.replace(aVisitPack({ openItems: [] }));

    expect((await stores.pack.listSchools()).map((s) => s.id)).toEqual([SCHOOL_ID]);
    expect(await stores.pack.listOpenItems()).toEqual([]);
  });

  it("keeps a retired template version and its school while a visit on the phone pins them", async () => {
    const { db, stores } = await openTestStores();
    await stores.pack.replace(aVisitPack());
    await db.put("visits", aVisit());

    await stores.pack.replace(aVisitPack({ schools: [], templates: [aTemplate({ version: 2 })] }));

    expect((await stores.pack.listTemplates()).map((t) => t.version)).toEqual([1, 2]);
    expect(await stores.pack.getSchool(SCHOOL_ID)).toBeDefined();
  });

  it("leaves out items that are already closed", async () => {
    const { stores } = await openTestStores();

    await stores.pack.replace(
      aVisitPack({ openItems: [anOpenItem(), anOpenItem({ id: anId(801), status: "closed" })] }),
    );

    expect((await stores.pack.listOpenItems()).map((i) => i.id)).toEqual([anId(800)]);
  });
});
