import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Mutation } from "@/lib/domain/mutations";
import type { School, User } from "@/lib/domain/org/org.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { type Refusal, refusal } from "@/lib/domain/refusal";
import { applicableItems } from "@/lib/domain/template/applicability";
import type { Template } from "@/lib/domain/template/template.schema";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";
import {
  notices,
  photos,
  processedMutations,
  rectificationEvents,
  rectificationItems,
  schools,
  visitAnswers,
  visits,
} from "@/lib/server/db/schema";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { rowToItem } from "@/lib/server/repositories/rectification/item-repository";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { rowToAnswer, rowToVisit } from "@/lib/server/repositories/visits/visit-repository";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { applyPush } from "@/lib/server/sync/apply-push";
import { formatCursor, getChangesSince, parseCursor } from "@/lib/server/sync/get-changes-since";
import { MAX_PUSH_BYTES } from "@/lib/server/sync/push-request";
import {
  pullResponseSchema,
  pushResponseSchema,
  type PullChange,
  type PushResponse,
} from "@/lib/sync/protocol";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { GET as getPack } from "@/app/api/inspect/pack/route";
import { POST as pushRoute } from "@/app/api/sync/push/route";

import { authedRequest, signInAs } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import {
  aFullVisit,
  aTestPhoto,
  FULL_VISIT_FINDINGS,
  passingValue,
  PhoneVisit,
} from "../../helpers/phone-visit";
import { domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { pullAs, pushAs, uploadPhoto } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const HOUR = 60 * 60_000;
/** Phone times: the visits happened this morning (the server stamps notices with its own clock). */
const T0 = systemClock.now() - 6 * HOUR;

let t: TestDatabase;
const cookie = { inspector1: "", inspector2: "", school01: "", office: "" };
const users = {} as Record<keyof typeof cookie, User>;
let campusSafety: Template;
let s01: School;
let s11: School;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  for (const name of Object.keys(cookie) as (keyof typeof cookie)[]) {
    cookie[name] = await signInAs(name, DEMO_PASSWORD);
    users[name] = await domainUser(t.db, name);
  }
  campusSafety = (await templateRepository.get(t.db, "campus-safety", 1))!;
  s01 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S01")).id))!;
  s11 = (await schoolRepository.findById(t.db, (await schoolOf(t.db, "S11")).id))!;
});
afterAll(() => t.drop());

/** Uploads the phone's photos as `who`, then pushes its mutations in batches of up to 100. */
async function sync(phone: PhoneVisit, who: keyof typeof cookie = "inspector1") {
  for (const photo of phone.photos) await uploadPhoto(cookie[who], photo);
  const results: PushResponse["results"] = [];
  for (let i = 0; i < phone.mutations.length; i += 100) {
    const { status, body } = await pushAs(cookie[who], phone.mutations.slice(i, i + 100));
    expect(status).toBe(200);
    results.push(...pushResponseSchema.parse(body).results);
  }
  return results;
}

async function pushOk(who: keyof typeof cookie, mutations: readonly unknown[]) {
  const { status, body } = await pushAs(cookie[who], mutations);
  expect(status).toBe(200);
  return pushResponseSchema.parse(body).results;
}

const statuses = (results: PushResponse["results"]) => results.map((r) => r.status);

/** Row counts of every table a push writes, and the change counter. */
async function footprint() {
  const [seq] = (await t.db.execute<{ last_value: number }>(sql`SELECT last_value FROM change_seq`))
    .rows;
  return {
    visits: await t.db.$count(visits),
    answers: await t.db.$count(visitAnswers),
    processed: await t.db.$count(processedMutations),
    items: await t.db.$count(rectificationItems),
    notices: await t.db.$count(notices),
    lastChangeSeq: Number(seq?.last_value),
  };
}

async function storedVisit(id: string): Promise<Visit | null> {
  const [row] = await t.db.select().from(visits).where(eq(visits.id, id));
  return row ? rowToVisit(row) : null;
}

async function storedItems(visitId: string): Promise<RectificationItem[]> {
  const rows = await t.db
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.visitId, visitId));
  return rows.map(rowToItem);
}

describe("POST /api/sync/push", () => {
  describe("a full visit", () => {
    let full: PhoneVisit;
    let results: PushResponse["results"];
    let before: Awaited<ReturnType<typeof footprint>>;
    const answerCount = () => applicableItems(campusSafety, s01).length;

    beforeAll(async () => {
      full = aFullVisit(users.inspector1.id, s01, campusSafety, T0);
      before = await footprint();
      results = await sync(full);
    });

    it("lands exactly once: the visit submitted, every answer, 9 registered photos", async () => {
      expect(answerCount()).toBeGreaterThanOrEqual(40);
      expect(results.map((r) => r.id)).toEqual(full.mutations.map((m) => m.id));
      expect(new Set(statuses(results))).toEqual(new Set(["applied"]));
      // Every item answered: the server records nothing as 未检查.
      expect(await storedVisit(full.visit.id)).toEqual({ ...full.visit, unchecked: [] });
      const stored = await t.db
        .select()
        .from(visitAnswers)
        .where(eq(visitAnswers.visitId, full.visit.id));
      const pushed = full.mutations.flatMap((m) => (m.name === "answer.save" ? [m.args] : []));
      expect(pushed).toHaveLength(answerCount());
      const byItem = (a: VisitAnswer, b: VisitAnswer) => a.itemCode.localeCompare(b.itemCode);
      expect(stored.map(rowToAnswer).sort(byItem)).toEqual(pushed.sort(byItem));
      const photoRows = await t.db.select().from(photos).where(eq(photos.visitId, full.visit.id));
      expect(photoRows).toHaveLength(9);
      expect(
        photoRows.every((p) => p.schoolId === s01.id && p.takenBy === users.inspector1.id),
      ).toBe(true);
      expect(photoRows.filter((p) => p.purpose === "signature")).toHaveLength(2);
      expect(await footprint()).toMatchObject({
        visits: before.visits + 1,
        answers: before.answers + answerCount(),
        processed: before.processed + full.mutations.length,
        notices: before.notices + 1,
      });
    });

    it("issues its notice with one item per finding, closing the one fixed on site", async () => {
      const items = await storedItems(full.visit.id);
      expect(items).toHaveLength(FULL_VISIT_FINDINGS.deadline + FULL_VISIT_FINDINGS.onSite);
      expect(items.filter((i) => i.mode === "deadline").map((i) => i.status)).toEqual([
        "pending",
        "pending",
        "pending",
      ]);
      expect(items.filter((i) => i.mode === "on_site").map((i) => i.status)).toEqual(["closed"]);
      const [notice] = await t.db.select().from(notices).where(eq(notices.visitId, full.visit.id));
      expect(notice).toMatchObject({ schoolId: s01.id, issuedBy: users.inspector1.id });
      expect(items.every((i) => i.noticeId === notice!.id)).toBe(true);
    });

    it("answers duplicate to every mutation of the same batch pushed again, and changes nothing", async () => {
      const settled = await footprint();

      const again = await sync(full);

      expect(again).toEqual(full.mutations.map((m) => ({ id: m.id, status: "duplicate" })));
      expect(await footprint()).toEqual(settled);
    });
  });

  it("rejects only the bad mutations of a batch, with the reason in Chinese, and applies the others", async () => {
    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    const [first, second] = applicableItems(campusSafety, s01);
    phone.answer(campusSafety, first!);
    phone.answer(campusSafety, second!);
    const [start, goodAnswer, laterAnswer] = phone.mutations as [Mutation, Mutation, Mutation];
    const tooLongNote = {
      ...goodAnswer,
      id: newId(),
      args: { ...goodAnswer.args, note: "很".repeat(1001) },
    };
    const unknown = { id: newId(), name: "visit.delete", args: {}, createdAt: T0 };

    const results = await pushOk("inspector1", [start, tooLongNote, unknown, laterAnswer]);

    expect(results).toEqual([
      { id: start.id, status: "applied" },
      {
        id: tooLongNote.id,
        status: "rejected",
        refusal: { code: "invalid_input", message: "备注不能超过 1000 字" },
      },
      {
        id: unknown.id,
        status: "rejected",
        refusal: { code: "invalid_input", message: "无法识别的更改类型" },
      },
      { id: laterAnswer.id, status: "applied" },
    ]);
    const stored = await t.db
      .select({ itemCode: visitAnswers.itemCode })
      .from(visitAnswers)
      .where(eq(visitAnswers.visitId, phone.visit.id));
    expect(stored).toEqual([{ itemCode: second!.code }]);
    // Rejected ids are not recorded, so the same mutation is judged again when it comes back.
    const recorded = await t.db
      .select({ id: processedMutations.id })
      .from(processedMutations)
      .where(inArray(processedMutations.id, [tooLongNote.id, unknown.id]));
    expect(recorded).toEqual([]);
  });

  it.each<[string, () => PhoneVisit, Refusal]>([
    [
      "a school outside the inspector's zones",
      () => new PhoneVisit(users.inspector1.id, s11, [campusSafety], T0),
      refusal("forbidden", "该学校不在您的督学责任区"),
    ],
    [
      "a visit started in another inspector's name",
      () => new PhoneVisit(users.inspector2.id, s01, [campusSafety], T0),
      refusal("forbidden", "检查记录的督学不是当前登录的账号"),
    ],
    [
      "a template version the server does not have",
      () => new PhoneVisit(users.inspector1.id, s01, [{ ...campusSafety, version: 99 }], T0),
      refusal("not_found", "检查表 campus-safety 第 99 版不存在"),
    ],
  ])("rejects starting %s", async (_name, phoneOf, why) => {
    const [start] = phoneOf().mutations;
    const before = await footprint();

    expect(await pushOk("inspector1", [start])).toEqual([
      { id: start!.id, status: "rejected", refusal: why },
    ]);
    expect((await footprint()).visits).toBe(before.visits);
  });

  it("rejects a change to another inspector's visit", async () => {
    const theirs = new PhoneVisit(users.inspector2.id, s11, [campusSafety], T0);
    await pushOk("inspector2", theirs.mutations);
    theirs.answer(campusSafety, applicableItems(campusSafety, s11)[0]!);
    const answer = theirs.mutations.at(-1)!;

    expect(await pushOk("inspector1", [answer])).toEqual([
      {
        id: answer.id,
        status: "rejected",
        refusal: { code: "forbidden", message: "检查记录的督学不是当前登录的账号" },
      },
    ]);
  });

  it("rejects a mutation whose photo was not uploaded, and applies it once the photo is there", async () => {
    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    phone.photo("answer");
    const [start, register] = phone.mutations as [Mutation, Mutation];

    expect(await pushOk("inspector1", [start, register])).toEqual([
      { id: start.id, status: "applied" },
      {
        id: register.id,
        status: "rejected",
        refusal: { code: "photo_missing", message: "照片尚未上传（1 张），请稍后重试" },
      },
    ]);

    expect(await uploadPhoto(cookie.inspector1, phone.photos[0]!)).toBe(201);
    expect(await pushOk("inspector1", [start, register])).toEqual([
      { id: start.id, status: "duplicate" },
      { id: register.id, status: "applied" },
    ]);
  });

  it("rejects a submit a photo rule still blocks, naming it, and keeps the visit a draft", async () => {
    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    const items = applicableItems(campusSafety, s01);
    const withoutPhoto = items.find((i, index) => index > 1 && i.evidence === "photo_always")!;
    for (const item of items.slice(2)) {
      const needsPhoto = item.evidence === "photo_always" && item !== withoutPhoto;
      phone.answer(campusSafety, item, {
        photoIds: needsPhoto ? [phone.photo("answer")] : [],
        value: passingValue(item),
      });
    }
    phone.submit();
    const submit = phone.mutations.at(-1)!;

    const results = await sync(phone);

    // The two items left unanswered do not block (未检查); the missing photo does.
    expect(results.find((r) => r.id === submit.id)).toEqual({
      id: submit.id,
      status: "rejected",
      refusal: refusal(
        "invalid_input",
        `检查尚未完成，不能提交：「${withoutPhoto.prompt}」本项须拍照取证`,
      ),
    });
    expect(results.filter((r) => r.status !== "applied")).toHaveLength(1);
    expect((await storedVisit(phone.visit.id))?.status).toBe("draft");
    expect(await storedItems(phone.visit.id)).toEqual([]);
  });

  it("stores the items left 未检查 with the submitted visit, and both signers with their names", async () => {
    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    const items = applicableItems(campusSafety, s01);
    const [skipped1, skipped2] = items;
    for (const item of items.slice(2)) {
      phone.answer(campusSafety, item, {
        photoIds: item.evidence === "photo_always" ? [phone.photo("answer")] : [],
        value: passingValue(item),
      });
    }
    const signatures = phone.signatures();
    phone.submit({
      ...signatures,
      inspector: { ...signatures.inspector!, name: "王建国", coInspectorName: "陈立" },
    });

    const results = await sync(phone);

    expect(new Set(statuses(results))).toEqual(new Set(["applied"]));
    const stored = await storedVisit(phone.visit.id);
    expect(stored?.status).toBe("submitted");
    expect(stored?.unchecked).toEqual([
      { templateCode: campusSafety.code, itemCode: skipped1!.code },
      { templateCode: campusSafety.code, itemCode: skipped2!.code },
    ]);
    expect(stored?.signatures.inspector).toMatchObject({ name: "王建国", coInspectorName: "陈立" });
    expect(stored?.signatures.school?.title).toBeTruthy();
    // 未检查 is not a finding: nothing to rectify.
    expect(await storedItems(phone.visit.id)).toEqual([]);
  });

  it("refuses a submit whose inspector signature names someone other than the account", async () => {
    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    for (const item of applicableItems(campusSafety, s01)) {
      phone.answer(campusSafety, item, {
        photoIds: item.evidence === "photo_always" ? [phone.photo("answer")] : [],
        value: passingValue(item),
      });
    }
    const signatures = phone.signatures();
    phone.submit({ ...signatures, inspector: { ...signatures.inspector!, name: "冒名者" } });
    const submit = phone.mutations.at(-1)!;

    const results = await sync(phone);

    expect(results.find((r) => r.id === submit.id)).toEqual({
      id: submit.id,
      status: "rejected",
      refusal: refusal("invalid_input", "督学签名的姓名（冒名者）与账号姓名（王建国）不一致"),
    });
    expect((await storedVisit(phone.visit.id))?.status).toBe("draft");
  });

  it("lets only inspectors push visit mutations", async () => {
    const start = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0).mutations[0]!;

    expect(await pushOk("school01", [start])).toEqual([
      {
        id: start.id,
        status: "rejected",
        refusal: { code: "forbidden", message: "只有督学可以提交检查记录" },
      },
    ]);
  });

  it.each([
    ["401 without a session", null, { clientId: newId(), mutations: [] }, 401],
    [
      "422 with zod's issues for an envelope without mutations",
      "inspector1",
      { clientId: newId(), mutations: [] },
      422,
    ],
    ["422 for a body that is not JSON", "inspector1", "{not json", 422],
  ] as const)("answers %s", async (_name, who, body, status) => {
    const response = await pushRoute(
      authedRequest("/api/sync/push", who === null ? null : cookie[who], {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(status);
    const json = (await response.json()) as { message: string; issues?: unknown[] };
    expect(json.message).toMatch(/[\u4e00-\u9fff]/);
    if (status === 422 && typeof body !== "string") expect(json.issues?.length).toBeGreaterThan(0);
  });

  it("answers 413 to a body over the limit, before reading it all", async () => {
    const response = await pushRoute(
      authedRequest("/api/sync/push", cookie.inspector1, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          clientId: newId(),
          mutations: [],
          padding: "x".repeat(MAX_PUSH_BYTES),
        }),
      }),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain("同步内容过大");
  });
});

describe("rectification.act over sync", () => {
  /** Three pending 限期整改 items of a submitted visit at S01. */
  let pending: RectificationItem[];
  const act = (item: RectificationItem, expectedVersion: number, action: object) => ({
    id: newId(),
    name: "rectification.act",
    args: { itemId: item.id, expectedVersion, action },
    createdAt: systemClock.now(),
  });
  const current = async (item: RectificationItem) =>
    (await storedItems(item.visitId)).find((i) => i.id === item.id)!;

  beforeAll(async () => {
    const phone = aFullVisit(users.inspector1.id, s01, campusSafety, T0 + HOUR);
    await sync(phone);
    pending = (await storedItems(phone.visit.id)).filter((i) => i.status === "pending");
  });

  it("applies the school's actions and the inspector's offline 复查, closing the item", async () => {
    const item = pending[0]!;
    const evidence = aTestPhoto("school evidence");
    const afterCheck = aTestPhoto("inspector recheck");
    await uploadPhoto(cookie.school01, evidence);
    await uploadPhoto(cookie.inspector1, afterCheck);
    const acknowledge = act(item, 1, { type: "acknowledge" });
    const respond = act(item, 2, {
      type: "respond",
      text: "已按要求完成整改",
      photoIds: [evidence.id],
    });
    const recheck = act(item, 3, {
      type: "verify_pass",
      note: "复查合格",
      photoIds: [afterCheck.id],
    });

    expect(await pushOk("school01", [acknowledge, respond])).toEqual([
      { id: acknowledge.id, status: "applied" },
      { id: respond.id, status: "applied" },
    ]);
    expect(await pushOk("inspector1", [recheck])).toEqual([{ id: recheck.id, status: "applied" }]);
    expect(await current(item)).toMatchObject({
      status: "closed",
      version: 4,
      afterPhotoIds: [afterCheck.id],
    });
  });

  it("keeps the on-site time of an offline action beside the server's time; old mutations too", async () => {
    const phone = aFullVisit(users.inspector1.id, s01, campusSafety, T0 + 2 * HOUR);
    await sync(phone);
    const item = (await storedItems(phone.visit.id)).find((i) => i.status === "pending")!;
    const onSite = systemClock.now() - 3 * HOUR;
    const withTime = { ...act(item, 1, { type: "acknowledge" }), createdAt: onSite };
    const { args } = withTime;
    const acknowledged = { ...withTime, args: { ...args, occurredAt: onSite } };
    // A mutation queued before occurredAt existed: its createdAt stands in.
    const old = { ...act(item, 2, { type: "escalate", kind: "interview", note: "约谈" }) };
    const before = systemClock.now();

    expect(await pushOk("school01", [acknowledged])).toEqual([
      { id: acknowledged.id, status: "applied" },
    ]);
    expect(await pushOk("inspector1", [old])).toEqual([{ id: old.id, status: "applied" }]);

    const events = await t.db
      .select()
      .from(rectificationEvents)
      .where(eq(rectificationEvents.itemId, item.id))
      .orderBy(rectificationEvents.seq);
    const [created, ack, escalate] = events;
    // The finding: recorded on the phone when answered, issued when the server got the visit.
    expect(created?.payload).toHaveProperty("occurredAt");
    expect(ack?.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(ack?.payload).toMatchObject({ occurredAt: onSite });
    expect(escalate?.payload).toMatchObject({ occurredAt: old.createdAt });
  });

  it("rejects an action on a version someone has since moved on from, with the reason", async () => {
    const item = pending[1]!;
    await pushOk("school01", [act(item, 1, { type: "acknowledge" })]);
    const stale = act(item, 1, {
      type: "escalate",
      kind: "interview",
      note: "逾期未整改，约谈校长",
    });

    expect(await pushOk("inspector1", [stale])).toEqual([
      {
        id: stale.id,
        status: "rejected",
        refusal: refusal(
          "stale_version",
          "该事项已被他人处理（当前状态：整改中），您的操作未生效，请刷新后查看",
        ),
      },
    ]);
    expect(await current(item)).toMatchObject({
      status: "in_progress",
      version: 2,
      escalations: [],
    });
  });

  it.each<[string, keyof typeof cookie, object, Refusal]>([
    [
      "outside the user's scope as if the item did not exist",
      "inspector2",
      { type: "acknowledge" },
      refusal("not_found", "整改事项不存在"),
    ],
    [
      "that is not the user's to take",
      "inspector1",
      { type: "acknowledge" },
      refusal("forbidden", "只有被检查学校可以开始整改"),
    ],
  ])("rejects an action %s", async (_name, who, action, why) => {
    const mutation = act(pending[2]!, 1, action);

    expect(await pushOk(who, [mutation])).toEqual([
      { id: mutation.id, status: "rejected", refusal: why },
    ]);
  });
});

describe("GET /api/sync/pull", () => {
  async function pullAll(who: keyof typeof cookie, from: string | null = null) {
    const changes: PullChange[] = [];
    let cursor = from;
    for (;;) {
      const { status, body } = await pullAs(cookie[who], cursor);
      expect(status).toBe(200);
      const page = pullResponseSchema.parse(body);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor };
    }
  }

  it("returns only the inspector's own visits and answers and the items of their schools", async () => {
    const mine = new PhoneVisit(users.inspector2.id, s11, [campusSafety], T0);
    await pushOk("inspector2", mine.mutations);

    const { changes } = await pullAll("inspector1");

    const pulledVisits = changes.flatMap((c) => (c.entity === "visit" ? [c.value] : []));
    expect(pulledVisits.length).toBeGreaterThan(0);
    expect(pulledVisits.every((v) => v.inspectorId === users.inspector1.id)).toBe(true);
    expect(pulledVisits.map((v) => v.id)).not.toContain(mine.visit.id);
    const ownVisitIds = new Set(pulledVisits.map((v) => v.id));
    expect(
      changes.filter((c) => c.entity === "answer").every((c) => ownVisitIds.has(c.value.visitId)),
    ).toBe(true);
    const items = changes.flatMap((c) => (c.entity === "rectificationItem" ? [c.value] : []));
    expect(items.length).toBeGreaterThan(0);
    const zone = await schoolRepository.listByIds(t.db, [...new Set(items.map((i) => i.schoolId))]);
    expect(zone.every((s) => s.zoneId === s01.zoneId)).toBe(true);
    // Closed items come too, so that the phone drops them.
    expect(items.some((i) => i.status === "closed")).toBe(true);
  });

  it("returns nothing new from the cursor it returned, and a new change after it", async () => {
    const { cursor } = await pullAll("inspector1");

    const again = pullResponseSchema.parse((await pullAs(cookie.inspector1, cursor)).body);
    expect(again).toEqual({ cursor, changes: [] });

    const phone = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    await pushOk("inspector1", phone.mutations);
    const next = pullResponseSchema.parse((await pullAs(cookie.inspector1, cursor)).body);
    expect(next.changes).toEqual([{ entity: "visit", value: phone.visit }]);
  });

  it("pages by change order, and the pages add up to one big pull", async () => {
    const whole = await getChangesSince(t.db, users.inspector1, null, 100_000);
    const pages: PullChange[][] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await getChangesSince(t.db, users.inspector1, cursor, 7);
      pages.push(page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }

    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    expect(pages.flat()).toEqual(whole.changes);
    expect(cursor).toBe(whole.cursor);
  });

  it.each<[string, (own: string) => string]>([
    ["malformed", () => "not-a-cursor"],
    [
      "ahead of the server (a restored database)",
      (own) => formatCursor({ ...parseCursor(own)!, seq: 10 ** 12 }),
    ],
    [
      "from another scope (zones reassigned)",
      (own) => formatCursor({ ...parseCursor(own)!, scope: "0".repeat(16) }),
    ],
  ])("starts over with resetRequired when the cursor is %s", async (_name, cursorFrom) => {
    const own = (await pullAll("inspector1")).cursor;

    const page = pullResponseSchema.parse((await pullAs(cookie.inspector1, cursorFrom(own))).body);

    expect(page.resetRequired).toBe(true);
    const fromStart = pullResponseSchema.parse((await pullAs(cookie.inspector1, null)).body);
    expect(page.changes).toEqual(fromStart.changes);
  });

  it("answers 401 without a session", async () => {
    expect((await pullAs(null, null)).status).toBe(401);
  });
});

describe("concurrent pushes and pulls", () => {
  it("never skip a change: the union of interleaved pulls equals what was stored", async () => {
    const writers = (["inspector1", "inspector2"] as const).flatMap((who) =>
      [0, 1].map((device) => ({ who, device })),
    );
    let writing = true;

    async function write({ who, device }: (typeof writers)[number]) {
      const school = who === "inspector1" ? s01 : s11;
      for (let n = 0; n < 4; n++) {
        const phone = new PhoneVisit(users[who].id, school, [campusSafety], T0 + device * HOUR + n);
        const items = applicableItems(campusSafety, school).slice(0, 12);
        for (const item of items) phone.answer(campusSafety, item);
        // Re-answer a few: updates move rows to the end of the change feed.
        for (const item of items.slice(0, 3)) phone.answer(campusSafety, item, { result: "na" });
        for (let i = 0; i < phone.mutations.length; i += 5) {
          const { results } = await applyPush(
            t.db,
            users[who],
            { clientId: newId(), mutations: phone.mutations.slice(i, i + 5) },
            systemClock.now(),
          );
          expect(new Set(statuses(results))).toEqual(new Set(["applied"]));
        }
      }
    }

    /** Pulls `who`'s feed in small pages until the writers are done and the feed is drained. */
    async function read(who: "inspector1" | "inspector2") {
      const seen = { visits: new Map<string, Visit>(), answers: new Map<string, VisitAnswer>() };
      let cursor: string | null = null;
      for (;;) {
        const stillWriting = writing;
        const page = await getChangesSince(t.db, users[who], cursor, 9);
        for (const change of page.changes) {
          if (change.entity === "visit") seen.visits.set(change.value.id, change.value);
          if (change.entity === "answer") {
            const a = change.value;
            seen.answers.set(`${a.visitId}/${a.templateCode}/${a.itemCode}`, a);
          }
        }
        cursor = page.cursor;
        if (!stillWriting && !page.hasMore) return seen;
      }
    }

    const readers = [read("inspector1"), read("inspector2")];
    await Promise.all(writers.map(write));
    writing = false;
    const [seen1, seen2] = await Promise.all(readers);

    for (const [who, seen] of [
      ["inspector1", seen1!],
      ["inspector2", seen2!],
    ] as const) {
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
      expect(new Map(storedVisits.map((v) => [v.id, v]))).toEqual(seen.visits);
      expect(
        new Map(storedAnswers.map((a) => [`${a.visitId}/${a.templateCode}/${a.itemCode}`, a])),
      ).toEqual(seen.answers);
    }
  });
});

describe("GET /api/inspect/pack", () => {
  it("holds the inspector's schools with their last visit, the templates and the open items", async () => {
    const response = await getPack(authedRequest("/api/inspect/pack", cookie.inspector1));
    expect(response.status).toBe(200);
    const pack = visitPackSchema.parse(await response.json());

    const zoneSchools = await t.db.select().from(schools).where(eq(schools.zoneId, s01.zoneId!));
    expect(pack.schools.map((s) => s.id).sort()).toEqual(zoneSchools.map((s) => s.id).sort());
    const packS01 = pack.schools.find((s) => s.id === s01.id)!;
    const [last] = await t.db
      .select()
      .from(visits)
      .where(and(eq(visits.schoolId, s01.id), eq(visits.status, "submitted")))
      .orderBy(sql`${visits.startedAt} desc`)
      .limit(1);
    const openOfS01 = pack.openItems.filter((i) => i.schoolId === s01.id);
    expect(packS01.lastVisit).toMatchObject({ visitId: last!.id, openItems: openOfS01.length });
    expect(packS01.lastVisit?.score).toBeGreaterThan(0);
    expect(packS01.lastVisit?.score).toBeLessThan(100);
    expect(pack.openItems.every((i) => zoneSchools.some((s) => s.id === i.schoolId))).toBe(true);
    expect(pack.openItems.every((i) => i.status !== "closed" && i.status !== "cancelled")).toBe(
      true,
    );
    expect(pack.templates.map((tpl) => `${tpl.code}@${tpl.version}`)).toContain("campus-safety@1");
  });

  it("keeps an older version a draft pins after a newer one is published", async () => {
    const draft = new PhoneVisit(users.inspector1.id, s01, [campusSafety], T0);
    await pushOk("inspector1", draft.mutations);
    const { code, domain, description, items } = campusSafety;
    await templateRepository.saveDraft(
      t.db,
      { code, domain, description, items, title: "校园安全检查（修订）" },
      null,
      null,
    );
    const published = await templateRepository.publish(t.db, "campus-safety", {
      now: systemClock.now(),
      userId: null,
    });
    expect(published).toMatchObject({ ok: true, value: { version: 2 } });
    const moved = await templateRepository.adopt(t.db, s01.districtId, "campus-safety", 2, {
      now: systemClock.now(),
      userId: null,
    });
    expect(moved.ok).toBe(true);

    const response = await getPack(authedRequest("/api/inspect/pack", cookie.inspector1));
    const pack = visitPackSchema.parse(await response.json());

    const versions = pack.templates
      .filter((tpl) => tpl.code === "campus-safety")
      .map((tpl) => tpl.version);
    expect(versions.sort()).toEqual([1, 2]);
    // The draft keeps v1 on the phone; a new visit is offered only v2.
    expect(pack.offered.filter((ref) => ref.code === "campus-safety")).toEqual([
      { code: "campus-safety", version: 2 },
    ]);
  });

  it("is for inspectors only", async () => {
    const response = await getPack(authedRequest("/api/inspect/pack", cookie.school01));
    expect(response.status).toBe(403);
  });
});
