import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { User } from "@/lib/domain/org/org.schema";
import type { RectificationAction } from "@/lib/domain/rectification/rectification.schema";
import type { Executor } from "@/lib/server/db/client";
import * as schema from "@/lib/server/db/schema";
import {
  noticeCounters,
  notices,
  photos,
  rectificationEvents,
  rectificationItems,
} from "@/lib/server/db/schema";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { verifyItemChain } from "@/lib/server/rectification/event-log";
import { issueNoticeForVisit } from "@/lib/server/rectification/issue-notice";
import {
  getItemTimeline,
  listReviewQueue,
  markNoticeRead,
} from "@/lib/server/rectification/queries";
import { REFUSAL_STATUS } from "@/lib/server/refusal";
import { newId } from "@/lib/utils/ids";

import { buildCounty } from "../../helpers/builders/county";
import {
  aFinding,
  domainUser,
  insertPhotos,
  insertVisit,
  issueTestNotice,
  photoId,
  schoolOf,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

/** 10:00 China time on a day; the tests use years (2031–2034) the demo history does not reach. */
const at = (date: string) => Date.parse(`${date}T02:00:00Z`);

let t: TestDatabase;
let users: Record<"school01" | "school02" | "inspector1" | "inspector2" | "office", User>;

async function reviewTasks(user: User, now: number) {
  const page = await listReviewQueue(t.db, user, {}, now);
  if ("error" in page) throw new Error(page.error);
  return page.tasks;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  const names = ["school01", "school02", "inspector1", "inspector2", "office"] as const;
  users = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await domainUser(t.db, n)])),
  ) as typeof users;
  await insertPhotos(t.db, [1, 2, 3, 4].map(photoId), users.school01.id);
  await insertPhotos(t.db, [photoId(5)], users.inspector1.id);
  // Uploaded by another school and never filed under a school: not usable by anyone else.
  await insertPhotos(t.db, [photoId(6)], users.school02.id);
});
afterAll(() => t.drop());

/** The visit header fields insertVisit needs, for a visit by inspector1. */
const visitOf = (school: { id: string; districtId: string }) => ({
  schoolId: school.id,
  districtId: school.districtId,
  inspectorId: users.inspector1.id,
});

function act(
  user: User,
  itemId: string,
  action: RectificationAction,
  now: number,
  expectedVersion?: number,
) {
  return applyRectificationAction(t.db, user, { itemId, action, expectedVersion }, now);
}

async function rowsOf(itemId: string) {
  const [item] = await t.db
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.id, itemId));
  const events = await t.db
    .select()
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId));
  return { item, events: events.length };
}

describe("issueNoticeForVisit", () => {
  it("creates one item per finding and one numbered notice, closing 立行立改 with after-photos at once", async () => {
    const issued = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2034-03-02"),
      findings: [
        aFinding("XF-012", { rectification: { mode: "deadline", dueDate: "2034-03-20" } }),
        aFinding("XF-013", { rectification: { mode: "deadline", dueDate: "2034-03-17" } }),
        aFinding("XF-017", { rectification: { mode: "on_site", afterPhotoIds: [photoId(1)] } }),
        aFinding("XF-023", { rectification: { mode: "on_site", afterPhotoIds: [] } }),
      ],
    });
    expect(issued.created).toBe(true);
    expect(issued.notice?.number).toBe("示范督改〔2034〕第1号");
    expect(issued.items.map((i) => [i.itemCode, i.status, i.dueDate, i.noticeId])).toEqual([
      ["XF-012", "pending", "2034-03-20", issued.notice?.id],
      ["XF-013", "pending", "2034-03-17", issued.notice?.id],
      ["XF-017", "closed", null, issued.notice?.id],
      ["XF-023", "pending", null, issued.notice?.id],
    ]);
    const onSite = (await getItemTimeline(
      t.db,
      users.inspector1,
      issued.items[2]!.id,
      at("2034-03-02"),
    ))!;
    expect(onSite.events.map((e) => [e.seq, e.type, e.actorRole])).toEqual([
      [1, "created", "inspector"],
      [2, "close_on_site", "inspector"],
    ]);
    expect(onSite.verification).toEqual({ ok: true });
  });

  it("changes nothing when the same visit is issued again", async () => {
    const first = await issueTestNotice(t.db, {
      schoolCode: "S02",
      inspector: "inspector1",
      now: at("2031-03-03"),
      findings: [aFinding("XF-012"), aFinding("XF-013")],
    });
    const school = await schoolOf(t.db, "S02");
    const counterBefore = await t.db.select().from(noticeCounters);
    const again = await t.db.transaction((tx) =>
      issueNoticeForVisit(tx, {
        visitId: first.visitId,
        districtId: school.districtId,
        schoolId: school.id,
        findings: [aFinding("XF-012"), aFinding("XF-013")],
        issuedBy: users.inspector1.id,
        now: at("2031-03-04"),
      }),
    );
    expect(again).toMatchObject({
      ok: true,
      created: false,
      notice: { id: first.notice?.id, number: first.notice?.number },
    });
    expect(again.ok && again.items.map((i) => i.id).sort()).toEqual(
      first.items.map((i) => i.id).sort(),
    );
    expect(await t.db.$count(notices, eq(notices.visitId, first.visitId))).toBe(1);
    expect(
      await t.db.$count(rectificationItems, eq(rectificationItems.visitId, first.visitId)),
    ).toBe(2);
    expect(await t.db.select().from(noticeCounters)).toEqual(counterBefore);
  });

  it("issues nothing when the visit has no findings", async () => {
    const school = await schoolOf(t.db, "S03");
    const result = await issueNoticeForVisit(t.db, {
      visitId: newId(),
      districtId: school.districtId,
      schoolId: school.id,
      findings: [],
      issuedBy: users.inspector1.id,
      now: at("2031-03-03"),
    });
    expect(result).toEqual({ ok: true, notice: null, items: [], created: false });
  });

  it("refuses invalid findings with 422 and writes nothing", async () => {
    const school = await schoolOf(t.db, "S03");
    const visitId = newId();
    const result = await issueNoticeForVisit(t.db, {
      visitId,
      districtId: school.districtId,
      schoolId: school.id,
      findings: [aFinding("XF-012", { description: "很长的描述".repeat(500) })],
      issuedBy: users.inspector1.id,
      now: at("2031-03-03"),
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await t.db.$count(notices, eq(notices.visitId, visitId))).toBe(0);
  });

  it("gives 50 concurrent submits in one district 50 distinct consecutive numbers", async () => {
    // A pool as wide as the burst, so all 50 transactions really run at once.
    const pool = new pg.Pool({ connectionString: t.url, max: 50 });
    const db = drizzle(pool, { schema });
    const school = await schoolOf(t.db, "S05");
    const now = Date.parse("2032-06-01T02:00:00Z");
    try {
      const visitIds = await Promise.all(
        Array.from({ length: 50 }, () => insertVisit(t.db, { ...visitOf(school), at: now })),
      );
      const results = await Promise.all(
        visitIds.map((visitId) =>
          db.transaction((tx) =>
            issueNoticeForVisit(tx, {
              visitId,
              districtId: school.districtId,
              schoolId: school.id,
              findings: [aFinding("XF-012")],
              issuedBy: users.inspector1.id,
              now,
            }),
          ),
        ),
      );
      const serials = results
        .map((r) => (r.ok ? r.notice?.serial : null))
        .sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const numbers = new Set(results.map((r) => (r.ok ? r.notice?.number : null)));
      expect(numbers.size).toBe(50);
      expect(numbers.has("示范督改〔2032〕第50号")).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it("leaves no gap when an issuing transaction rolls back", async () => {
    const school = await schoolOf(t.db, "S06");
    const now = Date.parse("2033-01-10T02:00:00Z");
    const issue = async (tx: Executor) =>
      issueNoticeForVisit(tx, {
        visitId: await insertVisit(tx, { ...visitOf(school), at: now }),
        districtId: school.districtId,
        schoolId: school.id,
        findings: [aFinding("XF-012")],
        issuedBy: users.inspector1.id,
        now,
      });
    await expect(
      t.db.transaction(async (tx) => {
        await issue(tx);
        throw new Error("the visit's other mutations failed");
      }),
    ).rejects.toThrow("other mutations failed");
    const next = await t.db.transaction((tx) => issue(tx));
    expect(next.ok && next.notice?.number).toBe("示范督改〔2033〕第1号");
  });
});

describe("applyRectificationAction", () => {
  it("runs the whole loop: respond, return with reason, respond again, pass → closed", async () => {
    const { items } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [aFinding("XF-009")],
    });
    const id = items[0]!.id;
    expect(
      await act(users.school01, id, { type: "acknowledge" }, at("2031-03-03"), 1),
    ).toMatchObject({
      ok: true,
      item: { status: "in_progress", version: 2 },
    });
    const respond = {
      type: "respond" as const,
      text: "已更换压力不足的灭火器 3 具",
      photoIds: [photoId(2)],
    };
    expect(await act(users.school01, id, respond, at("2031-03-08"), 2)).toMatchObject({
      ok: true,
      item: {
        status: "submitted",
        response: { text: respond.text, submittedAt: at("2031-03-08") },
      },
    });
    // Filed under the school, so the reviewers in its scope can open the evidence.
    const [evidence] = await t.db
      .select()
      .from(photos)
      .where(eq(photos.id, photoId(2)));
    expect(evidence).toMatchObject({
      schoolId: (await schoolOf(t.db, "S01")).id,
      purpose: "evidence",
    });
    const returned = await act(
      users.office,
      id,
      { type: "verify_return", reason: "照片看不清压力表读数" },
      at("2031-03-09"),
    );
    // No date chosen (as a phone's offline 复查 sends it): the policy's 7 days from the return.
    expect(returned).toMatchObject({
      ok: true,
      item: { status: "returned", returnReason: "照片看不清压力表读数", dueDate: "2031-03-16" },
    });
    const again = {
      type: "respond" as const,
      text: "补拍压力表特写照片，指针均在绿区",
      photoIds: [photoId(3), photoId(4)],
    };
    expect(await act(users.school01, id, again, at("2031-03-10"))).toMatchObject({
      ok: true,
      item: { status: "submitted" },
    });
    const passed = await act(
      users.inspector1,
      id,
      { type: "verify_pass", note: "复查合格", photoIds: [photoId(5)] },
      at("2031-03-12"),
    );
    expect(passed).toMatchObject({
      ok: true,
      item: { status: "closed", closedAt: at("2031-03-12"), afterPhotoIds: [photoId(5)] },
    });

    const timeline = (await getItemTimeline(t.db, users.office, id, at("2031-03-12")))!;
    expect(timeline.events.map((e) => [e.seq, e.type, e.actorId])).toEqual([
      [1, "created", users.inspector1.id],
      [2, "acknowledge", users.school01.id],
      [3, "respond", users.school01.id],
      [4, "verify_return", users.office.id],
      [5, "respond", users.school01.id],
      [6, "verify_pass", users.inspector1.id],
    ]);
    expect(timeline.verification).toEqual({ ok: true });
    expect(timeline.allowedActions).toEqual([]);
  });

  it("moves the due date when the office approves an extension", async () => {
    const { items } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [
        aFinding("XF-024", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
      ],
    });
    const id = items[0]!.id;
    const request = {
      type: "request_extension" as const,
      requestedDueDate: "2031-04-15",
      reason: "线路改造需等待供电部门停电检修",
    };
    expect(await act(users.school01, id, request, at("2031-03-05"))).toMatchObject({
      ok: true,
      item: { dueDate: "2031-03-20", extension: { requestedDueDate: "2031-04-15" } },
    });
    const queue = await reviewTasks(users.office, at("2031-03-05"));
    expect(queue.find((task) => task.item.id === id)?.awaiting).toEqual(["extension"]);
    expect(
      (await reviewTasks(users.inspector1, at("2031-03-05"))).some((task) => task.item.id === id),
    ).toBe(false);
    expect(
      await act(
        users.office,
        id,
        { type: "approve_extension", comment: "同意，但须在四月十日前完成", dueDate: "2031-04-10" },
        at("2031-03-06"),
      ),
    ).toMatchObject({
      ok: true,
      item: { dueDate: "2031-04-10", extension: null, status: "pending" },
      event: { payload: { comment: "同意，但须在四月十日前完成", dueDate: "2031-04-10" } },
    });
  });

  describe("refusals change nothing", () => {
    let itemId: string;
    beforeAll(async () => {
      const { items } = await issueTestNotice(t.db, {
        schoolCode: "S01",
        inspector: "inspector1",
        now: at("2031-03-02"),
        findings: [
          aFinding("XF-015", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
        ],
      });
      itemId = items[0]!.id;
      await act(
        users.school01,
        itemId,
        { type: "respond", text: "消火栓箱已补齐水带水枪", photoIds: [photoId(2)] },
        at("2031-03-04"),
      );
    });

    it.each<[string, keyof typeof users, RectificationAction, number | undefined, number, RegExp]>([
      [
        "the school verifies its own answer",
        "school01",
        { type: "verify_pass", note: "", photoIds: [] },
        undefined,
        403,
        /责任督学或督导室/,
      ],
      [
        "the inspector approves an extension",
        "inspector1",
        { type: "approve_extension", comment: "同意延期" },
        undefined,
        403,
        /只有督导室/,
      ],
      [
        "the school answers again while under review",
        "school01",
        { type: "respond", text: "再次提交整改报告", photoIds: [photoId(2)] },
        undefined,
        409,
        /待复查/,
      ],
      ["another school acts", "school02", { type: "acknowledge" }, undefined, 404, /不存在/],
      [
        "an inspector of another zone acts",
        "inspector2",
        { type: "verify_pass", note: "", photoIds: [] },
        undefined,
        404,
        /不存在/,
      ],
      [
        "the version is stale (offline 复查)",
        "inspector1",
        { type: "verify_pass", note: "", photoIds: [] },
        1,
        409,
        /该事项已被他人处理/,
      ],
      [
        "a return has no reason",
        "office",
        { type: "verify_return", reason: " " },
        undefined,
        422,
        /退回理由/,
      ],
      [
        "a photo was never uploaded",
        "inspector1",
        { type: "verify_pass", note: "", photoIds: [photoId(99)] },
        undefined,
        422,
        /照片尚未上传/,
      ],
      [
        "a photo is someone else's private upload",
        "inspector1",
        { type: "verify_pass", note: "", photoIds: [photoId(6)] },
        undefined,
        422,
        /照片尚未上传/,
      ],
    ])(
      "answers %s with its status",
      async (_case, who, action, expectedVersion, status, reason) => {
        const before = await rowsOf(itemId);
        const result = await act(users[who], itemId, action, at("2031-03-05"), expectedVersion);
        expect(!result.ok && REFUSAL_STATUS[result.code]).toBe(status);
        expect(!result.ok && result.message).toMatch(reason);
        expect(await rowsOf(itemId)).toEqual(before);
      },
    );

    it("refuses the extension date before the due date with 422", async () => {
      const { items } = await issueTestNotice(t.db, {
        schoolCode: "S01",
        inspector: "inspector1",
        now: at("2031-03-02"),
        findings: [
          aFinding("XF-016", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
        ],
      });
      const request = {
        type: "request_extension" as const,
        requestedDueDate: "2031-03-10",
        reason: "需要更多时间采购",
      };
      expect(await act(users.school01, items[0]!.id, request, at("2031-03-05"))).toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    });
  });

  it("reports the seq of an event edited in the database", async () => {
    const { items } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [aFinding("XF-021")],
    });
    const id = items[0]!.id;
    await act(users.school01, id, { type: "acknowledge" }, at("2031-03-03"));
    await act(
      users.school01,
      id,
      { type: "respond", text: "应急照明灯已全部更换", photoIds: [photoId(2)] },
      at("2031-03-04"),
    );
    await act(
      users.office,
      id,
      { type: "verify_return", reason: "缺少断电测试照片" },
      at("2031-03-05"),
    );
    expect(await verifyItemChain(t.db, id)).toEqual({ ok: true });

    await t.db
      .update(rectificationEvents)
      .set({ payload: sql`'{"reason":"同意"}'::jsonb` })
      .where(and(eq(rectificationEvents.itemId, id), eq(rectificationEvents.seq, 4)));
    expect(await verifyItemChain(t.db, id)).toMatchObject({ ok: false, brokenAt: 4 });
    const timeline = (await getItemTimeline(t.db, users.office, id, at("2031-03-05")))!;
    expect(timeline.verification).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/篡改/) as unknown,
    });
  });

  it("still shows the timeline when an event row was edited into something unreadable", async () => {
    const { items } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [aFinding("XF-025")],
    });
    const id = items[0]!.id;
    await act(users.school01, id, { type: "acknowledge" }, at("2031-03-03"));
    await t.db
      .update(rectificationEvents)
      .set({ payload: sql`'"已整改"'::jsonb` })
      .where(and(eq(rectificationEvents.itemId, id), eq(rectificationEvents.seq, 2)));
    const timeline = (await getItemTimeline(t.db, users.office, id, at("2031-03-05")))!;
    expect(timeline.events.map((e) => e.seq)).toEqual([1]);
    expect(timeline.verification).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("reports a history cut short by deleting its last event", async () => {
    const { items } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [aFinding("XF-022")],
    });
    const id = items[0]!.id;
    await act(users.school01, id, { type: "acknowledge" }, at("2031-03-03"));
    await t.db
      .delete(rectificationEvents)
      .where(and(eq(rectificationEvents.itemId, id), eq(rectificationEvents.seq, 2)));
    expect(await verifyItemChain(t.db, id)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe("markNoticeRead", () => {
  it("records the school's first opening only, and no receipt for other roles", async () => {
    const { notice } = await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-03-02"),
      findings: [aFinding("XF-012")],
    });
    const id = notice!.id;
    expect(await markNoticeRead(t.db, users.office, id, at("2031-03-03"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await markNoticeRead(t.db, users.school02, id, at("2031-03-03"))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await markNoticeRead(t.db, users.school01, id, at("2031-03-04"))).toMatchObject({
      ok: true,
      recorded: true,
      notice: { readAt: at("2031-03-04"), readBy: users.school01.id },
    });
    expect(await markNoticeRead(t.db, users.school01, id, at("2031-03-05"))).toMatchObject({
      ok: true,
      recorded: false,
      notice: { readAt: at("2031-03-04") },
    });
  });
});
