import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toChinaDate } from "@/lib/domain/dates";
import type { School, User } from "@/lib/domain/org/org.schema";
import type { AnnotationShape } from "@/lib/domain/photo/annotation";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template } from "@/lib/domain/template/template.schema";
import { photos, rectificationItems } from "@/lib/server/db/schema";
import { visitRecordFor } from "@/lib/server/documents/documents";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { pushResponseSchema } from "@/lib/sync/protocol";
import { systemClock } from "@/lib/utils/clock";

import { GET as getPhoto } from "@/app/api/photos/[sha256]/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import { aTestPhoto, PhoneVisit } from "../../helpers/phone-visit";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { pushAs, uploadPhoto } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const T0 = systemClock.now() - 6 * HOUR;
const SHAPES: AnnotationShape[] = [
  { kind: "arrow", from: { x: 0.2, y: 0.8 }, to: { x: 0.5, y: 0.5 }, color: "red" },
  { kind: "text", at: { x: 0.1, y: 0.1 }, text: "灭火器过期", color: "red" },
];

let t: TestDatabase;
const cookie = { inspector1: "", school01: "", school02: "", office: "" };
let office: User;
let campusSafety: Template;
let s01: School;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  for (const name of Object.keys(cookie) as (keyof typeof cookie)[]) {
    cookie[name] = await signInAs(name, DEMO_PASSWORD);
  }
  office = await domainUser(t.db, "office");
  campusSafety = (await templateRepository.get(t.db, "campus-safety", 1))!;
  s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
});
afterAll(() => t.drop());

async function push(who: keyof typeof cookie, mutations: readonly unknown[]) {
  const { status, body } = await pushAs(cookie[who], mutations);
  expect(status).toBe(200);
  return pushResponseSchema.parse(body).results;
}

const readPhoto = (id: string, who: keyof typeof cookie) =>
  getPhoto(authedRequest(`/api/photos/${id}`, cookie[who]), {
    params: Promise.resolve({ sha256: id }),
  });

describe("an annotated finding photo synced from the phone", () => {
  let inspectorId: string;
  let phone: PhoneVisit;
  let originalId: string;
  let copyId: string;
  let results: Awaited<ReturnType<typeof push>>;

  beforeAll(async () => {
    inspectorId = (await domainUser(t.db, "inspector1")).id;
    phone = new PhoneVisit(inspectorId, s01, [campusSafety], T0);
    const finding = applicableItems(campusSafety, s01).find((item) => !item.required);
    originalId = phone.photo("answer", aTestPhoto("canteen original"));
    copyId = phone.photo("answer", aTestPhoto("canteen annotated"), {
      originalId,
      shapes: SHAPES,
    });
    phone.answer(campusSafety, finding!, {
      result: "fail",
      note: "灭火器过期",
      photoIds: [copyId],
      finding: {
        severity: finding!.severity,
        rectification: { mode: "deadline", dueDate: toChinaDate(T0 + 14 * DAY) },
        requiredAction: "更换灭火器",
      },
    });
    // The rest stays 未检查: the relation is what this tests, not a full walk.
    phone.submit();
    for (const photo of phone.photos) await uploadPhoto(cookie.inspector1, photo);
    results = await push("inspector1", phone.mutations);
  });

  it("applies every mutation", () => {
    expect(results.map((r) => r.status)).toEqual(phone.mutations.map(() => "applied"));
  });

  it("stores both photos for the visit's school, the copy naming its original and marks", async () => {
    const rows = await t.db
      .select({
        id: photos.id,
        visitId: photos.visitId,
        schoolId: photos.schoolId,
        originalId: photos.originalId,
        annotationShapes: photos.annotationShapes,
      })
      .from(photos)
      .where(eq(photos.visitId, phone.visit.id));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(originalId)).toEqual({
      id: originalId,
      visitId: phone.visit.id,
      schoolId: s01.id,
      originalId: null,
      annotationShapes: null,
    });
    expect(byId.get(copyId)).toEqual({
      id: copyId,
      visitId: phone.visit.id,
      schoolId: s01.id,
      originalId,
      annotationShapes: SHAPES,
    });
  });

  it("issues the finding with the annotated copy as its evidence", async () => {
    const items = await t.db
      .select({ photoIds: rectificationItems.photoIds })
      .from(rectificationItems)
      .where(eq(rectificationItems.visitId, phone.visit.id));
    expect(items).toEqual([{ photoIds: [copyId] }]);
  });

  it("gives the office the original beside the copy on the visit page", async () => {
    const record = await visitRecordFor(t.db, office, phone.visit.id);
    expect(record?.details.originals).toEqual({ [copyId]: originalId });
  });

  it.each([
    ["office", 200],
    ["school01", 200],
    ["school02", 404],
  ] as const)("answers %s with %i for the original", async (who, status) => {
    expect((await readPhoto(originalId, who)).status).toBe(status);
  });

  it("changes nothing when the same push is retried", async () => {
    const before = await t.db.select().from(photos).where(eq(photos.visitId, phone.visit.id));
    for (const photo of phone.photos) expect(await uploadPhoto(cookie.inspector1, photo)).toBe(200);
    const again = await push("inspector1", phone.mutations);
    expect(again.map((r) => r.status)).toEqual(phone.mutations.map(() => "duplicate"));
    expect(await t.db.select().from(photos).where(eq(photos.visitId, phone.visit.id))).toEqual(
      before,
    );
  });
});

describe("an annotated copy whose original never reached the server", () => {
  it("is refused until the original is uploaded", async () => {
    const inspectorId = (await domainUser(t.db, "inspector1")).id;
    const phone = new PhoneVisit(inspectorId, s01, [campusSafety], T0);
    const original = aTestPhoto("lost original");
    const copy = aTestPhoto("copy of lost original");
    const originalId = phone.photo("answer", original);
    phone.photo("answer", copy, { originalId, shapes: SHAPES });
    await uploadPhoto(cookie.inspector1, copy);
    const [start, registerOriginal, registerCopy] = phone.mutations;

    const results = await push("inspector1", [start, registerCopy]);

    expect(results[1]).toMatchObject({ status: "rejected", refusal: { code: "photo_missing" } });
    await uploadPhoto(cookie.inspector1, original);
    const retried = await push("inspector1", [registerOriginal, registerCopy]);
    expect(retried.map((r) => r.status)).toEqual(["applied", "applied"]);
  });
});
