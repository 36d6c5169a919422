/**
 * Writers of synced rows no longer wait for each other (lib/server/db/change-seq.ts): pushes and
 * notices in two districts, and two inspectors within one, all at once, while pulls page through
 * the feed. Every pull must end up with exactly what was stored — no row skipped behind a cursor.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { School, User } from "@/lib/domain/org/org.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template } from "@/lib/domain/template/template.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import { lockChangeSeq } from "@/lib/server/db/change-seq";
import {
  districtTemplates,
  rectificationItems,
  visitAnswers,
  visits,
  zoneInspectors,
} from "@/lib/server/db/schema";
import { issueNoticeForVisit } from "@/lib/server/rectification/issue-notice";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { rowToItem } from "@/lib/server/repositories/rectification/item-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { rowToAnswer, rowToVisit } from "@/lib/server/repositories/visits/visit-repository";
import { applyPush } from "@/lib/server/sync/apply-push";
import { getChangesSince } from "@/lib/server/sync/get-changes-since";
import { newId } from "@/lib/utils/ids";

import { createUserWithRole } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { addSecondDistrictAndCity } from "../../helpers/org-fixtures";
import { PhoneVisit } from "../../helpers/phone-visit";
import { aFinding, domainUser, insertVisit, schoolOf } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const T0 = Date.now() - 6 * 60 * 60_000;

let t: TestDatabase;
let campusSafety: Template;
const users = {} as Record<"inspector1" | "inspector2" | "inspectorB" | "city", User>;
const schoolsOf = {} as Record<"inspector1" | "inspector2" | "inspectorB", School>;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  const two = await addSecondDistrictAndCity(t.db);
  const inspectorB = await createUserWithRole({
    username: "inspector_b",
    role: "inspector",
    districtId: two.districtB,
  });
  await t.db.insert(zoneInspectors).values({ zoneId: two.zoneB, userId: inspectorB });
  await t.db.insert(districtTemplates).values({
    districtId: two.districtB,
    code: "campus-safety",
    version: 1,
    adoptedAt: new Date(),
  });
  campusSafety = (await templateRepository.get(t.db, "campus-safety", 1))!;
  users.inspector1 = await domainUser(t.db, "inspector1");
  users.inspector2 = await domainUser(t.db, "inspector2");
  users.inspectorB = await domainUser(t.db, "inspector_b");
  users.city = await domainUser(t.db, "city");
  schoolsOf.inspector1 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
  schoolsOf.inspector2 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S11")).id))!;
  schoolsOf.inspectorB = (await schoolRepository.findById(t.db, two.schoolB))!;
});
afterAll(() => t.drop());

type Inspector = keyof typeof schoolsOf;

/** One phone of `who`: visits of a dozen answers, a few answered again, pushed 5 at a time. */
async function pushVisits(who: Inspector, device: number): Promise<void> {
  const school = schoolsOf[who];
  for (let n = 0; n < 3; n++) {
    const phone = new PhoneVisit(
      users[who].id,
      school,
      [campusSafety],
      T0 + device * 3_600_000 + n,
    );
    const items = applicableItems(campusSafety, school).slice(0, 12);
    for (const item of items) phone.answer(campusSafety, item);
    // Answered again: updates move rows to the end of the change feed.
    for (const item of items.slice(0, 3)) phone.answer(campusSafety, item, { result: "na" });
    for (let i = 0; i < phone.mutations.length; i += 5) {
      const { results } = await applyPush(
        t.db,
        users[who],
        { clientId: newId(), mutations: phone.mutations.slice(i, i + 5) },
        Date.now(),
      );
      expect(results.every((r) => r.status === "applied")).toBe(true);
    }
  }
}

/** Notices of `who`'s school, each a visit and two 整改事项, as the office's services write them. */
async function issueNotices(who: Inspector): Promise<void> {
  const school = schoolsOf[who];
  for (let n = 0; n < 4; n++) {
    await t.db.transaction(async (tx) => {
      await lockChangeSeq(tx);
      const visitId = await insertVisit(tx, {
        schoolId: school.id,
        districtId: school.districtId,
        inspectorId: users[who].id,
        at: T0 + n,
      });
      const issued = await issueNoticeForVisit(tx, {
        visitId,
        districtId: school.districtId,
        schoolId: school.id,
        findings: [aFinding("XF-012"), aFinding("XF-001")],
        issuedBy: users[who].id,
        now: Date.now(),
      });
      if (!issued.ok) throw new Error(issued.message);
    });
  }
}

type Seen = {
  visits: Map<string, Visit>;
  answers: Map<string, VisitAnswer>;
  items: Map<string, RectificationItem>;
};
const answerKey = (a: VisitAnswer) => `${a.visitId}/${a.templateCode}/${a.itemCode}`;

describe("concurrent writers in two districts", () => {
  it("never make a pull skip a change: each feed equals what was stored", async () => {
    let writing = true;

    async function read(who: keyof typeof users): Promise<Seen> {
      const seen: Seen = { visits: new Map(), answers: new Map(), items: new Map() };
      let cursor: string | null = null;
      for (;;) {
        const stillWriting = writing;
        const page = await getChangesSince(t.db, users[who], cursor, 7);
        for (const change of page.changes) {
          if (change.entity === "visit") seen.visits.set(change.value.id, change.value);
          if (change.entity === "answer") seen.answers.set(answerKey(change.value), change.value);
          if (change.entity === "rectificationItem") seen.items.set(change.value.id, change.value);
        }
        cursor = page.cursor;
        if (!stillWriting && !page.hasMore) return seen;
      }
    }

    const readers = (["inspector1", "inspector2", "inspectorB", "city"] as const).map(
      (who) => [who, read(who)] as const,
    );
    await Promise.all([
      // Two districts at once, and within district A two inspectors (one on two phones).
      pushVisits("inspector1", 0),
      pushVisits("inspector1", 1),
      pushVisits("inspector2", 0),
      pushVisits("inspectorB", 0),
      pushVisits("inspectorB", 1),
      issueNotices("inspector1"),
      issueNotices("inspectorB"),
    ]);
    writing = false;

    for (const [who, reading] of readers) {
      const seen = await reading;
      if (who === "city") {
        // The city reads both districts: the demo's items and the 16 issued here.
        const districtIds = Object.values(schoolsOf).map((s) => s.districtId);
        const stored = await t.db
          .select()
          .from(rectificationItems)
          .where(inArray(rectificationItems.districtId, districtIds));
        expect(stored.length).toBeGreaterThanOrEqual(16);
        expect(seen.items).toEqual(new Map(stored.map((row) => [row.id, rowToItem(row)])));
        continue;
      }
      const storedVisits = (
        await t.db.select().from(visits).where(eq(visits.inspectorId, users[who].id))
      ).map(rowToVisit);
      const storedAnswers = (
        await t.db
          .select({ answer: visitAnswers })
          .from(visitAnswers)
          .innerJoin(visits, eq(visits.id, visitAnswers.visitId))
          .where(eq(visits.inspectorId, users[who].id))
      ).map((r) => rowToAnswer(r.answer));
      expect(storedAnswers.length).toBeGreaterThan(0);
      expect(seen.visits).toEqual(new Map(storedVisits.map((v) => [v.id, v])));
      expect(seen.answers).toEqual(new Map(storedAnswers.map((a) => [answerKey(a), a])));
    }
  });
});
