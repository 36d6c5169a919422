import { describe, expect, it } from "vitest";

import { mutationSchema } from "@/lib/domain/mutations";
import {
  actMutation,
  actOffline,
  followUpGroup,
  followUpPhotoIds,
  orderForFollowUp,
} from "@/lib/domain/rectification/follow-up";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";

import { aPhotoId, anActor, aRectificationItem } from "@/test/helpers/builders/rectification";
import { anId } from "@/test/helpers/builders/visit";

/** 2026-03-25 10:00 in China. */
const NOW = Date.UTC(2026, 2, 25, 2, 0);
const TODAY = "2026-03-25";
const MUTATION_ID = anId(900);

const INSPECTOR = anActor({
  userId: "user-inspector01",
  role: "inspector",
  schoolId: null,
  inspectsSchool: true,
});

const RESPONSE = {
  text: "已更换全部过期灭火器",
  photoIds: [aPhotoId("c")],
  submittedAt: Date.UTC(2026, 2, 20),
};

function item(n: number, overrides: Partial<RectificationItem>): RectificationItem {
  return aRectificationItem({ id: anId(n), ...overrides });
}

describe("actMutation", () => {
  it("asks for the item's version the person saw when building the mutation", () => {
    const mutation = actMutation(
      { id: anId(1), version: 4 },
      { type: "verify_return", reason: "照片不清楚" },
      MUTATION_ID,
      NOW,
    );
    expect(mutation).toEqual({
      id: MUTATION_ID,
      name: "rectification.act",
      createdAt: NOW,
      args: {
        itemId: anId(1),
        expectedVersion: 4,
        action: { type: "verify_return", reason: "照片不清楚" },
        occurredAt: NOW,
      },
    });
    expect(mutationSchema.safeParse(mutation).success).toBe(true);
  });
});

describe("actOffline", () => {
  const submitted = item(1, { status: "submitted", response: RESPONSE, version: 3 });

  it("closes the local copy and queues the pass with the seen version when the item awaits review", () => {
    const result = actOffline(
      submitted,
      { type: "verify_pass", note: "现场核实", photoIds: [aPhotoId("d")] },
      INSPECTOR,
      MUTATION_ID,
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.item).toMatchObject({
      status: "closed",
      closedAt: NOW,
      afterPhotoIds: [aPhotoId("d")],
      version: 4,
    });
    expect(result.mutation.args).toMatchObject({ itemId: anId(1), expectedVersion: 3 });
  });

  it("marks the local copy returned with the reason when the inspector sends it back", () => {
    const result = actOffline(
      submitted,
      { type: "verify_return", reason: "照片未显示压力表", dueDate: "2026-03-27" },
      INSPECTOR,
      MUTATION_ID,
      NOW,
    );
    expect(result.ok && result.item).toMatchObject({
      status: "returned",
      returnReason: "照片未显示压力表",
      dueDate: "2026-03-27",
    });
  });

  it.each([
    {
      when: "the reason is missing",
      target: submitted,
      action: { type: "verify_return" as const, reason: " " },
      code: "invalid_input",
      message: "请填写退回理由",
    },
    {
      when: "the school has not answered yet",
      target: item(2, { status: "in_progress" }),
      action: { type: "verify_pass" as const, note: "", photoIds: [] },
      code: "conflict",
      message: "该事项当前为「整改中」，不能复查通过（销号）",
    },
  ])(
    "refuses with the code and Chinese message when $when",
    ({ target, action, code, message }) => {
      expect(actOffline(target, action, INSPECTOR, MUTATION_ID, NOW)).toEqual({
        ok: false,
        code,
        message,
      });
    },
  );
});

describe("followUpGroup", () => {
  it.each([
    { status: "submitted" as const, dueDate: "2026-03-01", group: "submitted" },
    { status: "returned" as const, dueDate: "2026-03-24", group: "overdue" },
    { status: "pending" as const, dueDate: TODAY, group: "other" },
    { status: "in_progress" as const, dueDate: null, group: "other" },
  ])("is $group when the item is $status and due $dueDate", ({ status, dueDate, group }) => {
    expect(followUpGroup(item(1, { status, dueDate }), TODAY)).toBe(group);
  });
});

describe("orderForFollowUp", () => {
  it("puts answered items first, then overdue, then the rest when all three are mixed", () => {
    const items = [
      item(1, { status: "pending", dueDate: "2026-04-10" }),
      item(2, { status: "in_progress", dueDate: "2026-03-20" }),
      item(3, { status: "submitted", dueDate: "2026-04-01", response: RESPONSE }),
      item(4, { status: "pending", dueDate: null, mode: "on_site" }),
      item(5, { status: "pending", dueDate: "2026-03-01" }),
      item(6, {
        status: "submitted",
        dueDate: "2026-03-01",
        response: { ...RESPONSE, submittedAt: Date.UTC(2026, 2, 10) },
      }),
      item(7, { status: "returned", dueDate: "2026-03-30" }),
    ];
    expect(orderForFollowUp(items, TODAY).map((i) => i.id)).toEqual([
      anId(6), // answered 03-10
      anId(3), // answered 03-20
      anId(5), // 24 days overdue
      anId(2), // 5 days overdue
      anId(7), // due 03-30
      anId(1), // due 04-10
      anId(4), // no due date
    ]);
  });

  it("keeps a stable order by id when items tie", () => {
    const items = [item(9, { dueDate: null }), item(8, { dueDate: null })];
    expect(orderForFollowUp(items, TODAY).map((i) => i.id)).toEqual([anId(8), anId(9)]);
  });

  it("leaves the input untouched when ordering", () => {
    const items = [item(2, { dueDate: null }), item(1, { dueDate: null })];
    orderForFollowUp(items, TODAY);
    expect(items.map((i) => i.id)).toEqual([anId(2), anId(1)]);
  });
});

describe("followUpPhotoIds", () => {
  it("keeps each finding, evidence and after-photo once", () => {
    const items = [
      item(1, { photoIds: [aPhotoId("a"), aPhotoId("b")], response: RESPONSE }),
      item(2, { photoIds: [aPhotoId("b")], afterPhotoIds: [aPhotoId("d")] }),
    ];
    expect(followUpPhotoIds(items)).toEqual([
      aPhotoId("a"),
      aPhotoId("b"),
      aPhotoId("c"),
      aPhotoId("d"),
    ]);
  });

  it("is empty without items", () => {
    expect(followUpPhotoIds([])).toEqual([]);
  });
});
