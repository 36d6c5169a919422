import "fake-indexeddb/auto";

import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { School } from "@/lib/domain/org/org.schema";
import { REFUSAL_ADVICE } from "@/lib/domain/refusal";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template } from "@/lib/domain/template/template.schema";
import { applyVisitMutation } from "@/lib/domain/visit/visit";
import type { Visit } from "@/lib/domain/visit/visit.schema";
import { listConflicts } from "@/lib/hooks/conflicts";
import type { AppStores } from "@/lib/offline/stores";
import {
  notices,
  photos,
  processedMutations,
  visitAnswers,
  visits,
  zones,
} from "@/lib/server/db/schema";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { createSyncEngine, timerSchedule } from "@/lib/sync/sync-engine";
import { createTransport } from "@/lib/sync/transport";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { PUT as moveSchoolZone } from "@/app/api/org/schools/[id]/zone/route";

import { authedRequest, signInAs, TEST_ORIGIN } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { serialLocks } from "../../helpers/fake-sync-server";
import { openTestStores } from "../../helpers/offline-db";
import { aFullVisit, PhoneVisit } from "../../helpers/phone-visit";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { routeFetch } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/*
 * The phone's own sync engine, transport and IndexedDB stores against the real route handlers
 * (in-process, through the transport's `fetch`): the client and the server agree on the protocol.
 */

const T0 = systemClock.now() - 3 * 60 * 60_000;

let t: TestDatabase;
let cookie: string;
let inspectorId: string;
let campusSafety: Template;
let s01: School;
let s11: School;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  cookie = await signInAs("inspector1", DEMO_PASSWORD);
  inspectorId = (await domainUser(t.db, "inspector1")).id;
  campusSafety = (await templateRepository.get(t.db, "campus-safety", 1))!;
  s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
  s11 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S11")).id))!;
});
afterAll(() => t.drop());

/** Saves each of the phone's edits with its outbox entry, as the app's screens do. */
async function recordOnPhone(stores: AppStores, phone: PhoneVisit): Promise<void> {
  let visit: Visit | undefined;
  for (const mutation of phone.mutations) {
    if (mutation.name === "rectification.act") throw new Error("not a visit edit");
    const outcome = applyVisitMutation(visit, mutation);
    if (!outcome.ok) throw new Error(outcome.message);
    visit = outcome.visit;
    switch (mutation.name) {
      case "answer.save":
        await stores.answers.saveWithMutation(mutation.args, mutation);
        break;
      case "photo.register": {
        const photo = phone.photos.find((p) => p.id === mutation.args.id)!;
        const blob = new Blob([Buffer.from(photo.bytes)], { type: "image/jpeg" });
        await stores.photos.saveWithMutation(
          { meta: mutation.args, blob, thumbnail: blob },
          mutation,
        );
        break;
      }
      case "visit.start":
      case "visit.update":
      case "visit.submit":
        await stores.visits.saveWithMutation(visit, mutation);
        break;
    }
  }
}

async function phoneWith(phone: PhoneVisit, fetchImpl: typeof fetch = routeFetch(cookie)) {
  const { stores } = await openTestStores();
  await recordOnPhone(stores, phone);
  const engine = createSyncEngine({
    stores,
    transport: createTransport({ baseUrl: TEST_ORIGIN, fetch: fetchImpl }),
    clock: systemClock,
    schedule: timerSchedule,
    random: () => 0.5,
    locks: serialLocks(),
    newId,
    batchSize: 20,
  });
  return { stores, engine };
}

/** What the server holds of a visit: rows per table. */
async function serverRowsOf(phone: PhoneVisit) {
  const visitId = phone.visit.id;
  return {
    visits: await t.db.$count(visits, eq(visits.id, visitId)),
    answers: await t.db.$count(visitAnswers, eq(visitAnswers.visitId, visitId)),
    photos: await t.db.$count(photos, eq(photos.visitId, visitId)),
    processed: await t.db.$count(
      processedMutations,
      inArray(
        processedMutations.id,
        phone.mutations.map((m) => m.id),
      ),
    ),
    notices: await t.db.$count(notices, eq(notices.visitId, visitId)),
  };
}

describe("syncEngine against the real server", () => {
  it("syncs a visit recorded offline exactly once, empties the outbox and stores the pack", async () => {
    const phone = aFullVisit(inspectorId, s01, campusSafety, T0);
    const { stores, engine } = await phoneWith(phone);

    await engine.syncNow();

    expect(engine.getSnapshot()).toMatchObject({
      status: "idle",
      pendingCount: 0,
      rejectedCount: 0,
    });
    expect(await serverRowsOf(phone)).toEqual({
      visits: 1,
      answers: applicableItems(campusSafety, s01).length,
      photos: phone.photos.length,
      processed: phone.mutations.length,
      notices: 1,
    });
    expect(await stores.visits.get(phone.visit.id)).toEqual({ ...phone.visit, unchecked: [] });
    const packSchools = await stores.pack.listSchools();
    expect(packSchools.find((s) => s.id === s01.id)?.lastVisit?.visitId).toBe(phone.visit.id);
    expect(packSchools.map((s) => s.zoneId)).toEqual(packSchools.map(() => s01.zoneId));
  });

  it("neither duplicates nor loses anything through 20 cut connections and lost responses", async () => {
    const phone = aFullVisit(inspectorId, s01, campusSafety, T0 + 60_000);
    const real = routeFetch(cookie);
    // Deterministic "random" cuts: a request is aborted before it reaches the server, or
    // handled and its response lost, until 20 have failed.
    let cuts = 0;
    let draw = 7;
    const flaky: typeof fetch = async (input, init) => {
      draw = (draw * 48_271) % 2_147_483_647;
      const fate = cuts < 20 ? draw % 3 : 0;
      if (fate === 1) {
        cuts += 1;
        throw new TypeError("fetch failed: connection reset");
      }
      const response = await real(input, init);
      if (fate === 2) {
        cuts += 1;
        throw new TypeError("fetch failed: response lost");
      }
      return response;
    };
    const { stores, engine } = await phoneWith(phone, flaky);

    for (let round = 0; round < 50 && (await stores.outbox.counts()).pending > 0; round++) {
      await engine.syncNow();
    }

    expect(cuts).toBe(20);
    expect(await stores.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
    expect(await serverRowsOf(phone)).toEqual({
      visits: 1,
      answers: applicableItems(campusSafety, s01).length,
      photos: phone.photos.length,
      processed: phone.mutations.length,
      notices: 1,
    });
  });

  it("shows a change the server refuses in the phone's conflict list, with the server's refusal code", async () => {
    const phone = new PhoneVisit(inspectorId, s11, [campusSafety], T0);
    const { stores, engine } = await phoneWith(phone);

    await engine.syncNow();

    expect(engine.getSnapshot()).toMatchObject({ status: "has-rejections", rejectedCount: 1 });
    expect(await listConflicts(stores)).toEqual([
      {
        mutation: phone.mutations[0],
        refusal: { code: "forbidden", message: "该学校不在您的督学责任区" },
        advice: REFUSAL_ADVICE.forbidden,
        rejectedAt: expect.any(Number) as unknown,
        schoolName: null,
      },
    ]);
    expect(await stores.visits.get(phone.visit.id)).toEqual(phone.visit);
    expect(await serverRowsOf(phone)).toMatchObject({ visits: 0, processed: 0 });
  });
});

describe("a school moved to another 督学责任区", () => {
  it("leaves the old inspector's next pack, and their draft for it comes back rejected with the refusal, kept on the phone", async () => {
    // Started offline while S02 was still in the inspector's zone.
    const s02 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S02")).id))!;
    const phone = new PhoneVisit(inspectorId, s02, [campusSafety], T0);
    phone.answer(campusSafety, applicableItems(campusSafety, s02)[0]!, { note: "消防通道畅通" });
    const { stores, engine } = await phoneWith(phone);
    const [westZone] = await t.db.select().from(zones).where(eq(zones.name, "城西责任区"));

    const office = await signInAs("office", DEMO_PASSWORD);
    const moved = await moveSchoolZone(
      authedRequest(`/api/org/schools/${s02.id}/zone`, office, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ zoneId: westZone!.id }),
      }),
      { params: Promise.resolve({ id: s02.id }) },
    );
    expect(moved.status).toBe(200);
    await engine.syncNow();

    const packSchools = (await stores.pack.listSchools()).map((s) => s.id);
    expect(packSchools).toContain(s01.id);
    expect(packSchools).not.toContain(s02.id);
    expect(engine.getSnapshot()).toMatchObject({ status: "has-rejections" });
    // Every edit stays on the phone; the visit's start says why, the later edits follow from it.
    const rejected = await stores.outbox.listRejected();
    expect(rejected).toHaveLength(phone.mutations.length);
    expect(rejected.find((e) => e.mutation.id === phone.mutations[0]!.id)?.refusal).toEqual({
      code: "forbidden",
      message: "该学校不在您的督学责任区",
    });
    expect(await stores.visits.get(phone.visit.id)).toEqual(phone.visit);
    expect(await serverRowsOf(phone)).toMatchObject({ visits: 0, processed: 0 });
  });
});
