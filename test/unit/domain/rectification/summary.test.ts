import { describe, expect, it } from "vitest";

import { repeatFindings, summarizeItems } from "@/lib/domain/rectification/summary";

import {
  aRectificationItem,
  OTHER_SCHOOL_ID,
  SCHOOL_ID,
} from "@/test/helpers/builders/rectification";

const TODAY = "2026-03-25";
const VISIT_1 = "0195f3a0-0000-7000-8000-000000000101";
const VISIT_2 = "0195f3a0-0000-7000-8000-000000000102";
const VISIT_3 = "0195f3a0-0000-7000-8000-000000000103";

describe("summarizeItems", () => {
  const items = [
    // Closed on its due date at 23:30 China time (15:30 UTC): on time.
    aRectificationItem({
      status: "closed",
      dueDate: "2026-03-20",
      closedAt: Date.UTC(2026, 2, 20, 15, 30),
    }),
    // Closed 00:30 China time the day after its due date, though still the due date in UTC: late.
    aRectificationItem({
      status: "closed",
      dueDate: "2026-03-20",
      closedAt: Date.UTC(2026, 2, 20, 16, 30),
    }),
    // 立行立改 has no due date: on time.
    aRectificationItem({
      status: "closed",
      mode: "on_site",
      dueDate: null,
      closedAt: Date.UTC(2026, 2, 1),
    }),
    aRectificationItem({ status: "pending", dueDate: "2026-03-24" }),
    aRectificationItem({ status: "in_progress", dueDate: TODAY }),
    aRectificationItem({ status: "submitted", dueDate: "2026-03-01" }),
    aRectificationItem({ status: "returned", dueDate: "2026-04-01" }),
    aRectificationItem({ status: "cancelled", dueDate: "2026-03-01" }),
  ];

  it("counts every status", () => {
    expect(summarizeItems(items, TODAY)).toMatchObject({
      total: 8,
      byStatus: { pending: 1, in_progress: 1, submitted: 1, returned: 1, closed: 3, cancelled: 1 },
    });
  });

  it("counts open items past their due date as overdue, not those due today or cancelled", () => {
    expect(summarizeItems(items, TODAY).overdue).toBe(2);
  });

  it("divides closed items by all items but the cancelled ones", () => {
    expect(summarizeItems(items, TODAY).closureRate).toBeCloseTo(3 / 7);
  });

  it("judges on-time closure by the China date of closing", () => {
    expect(summarizeItems(items, TODAY).onTimeClosureRate).toBeCloseTo(2 / 3);
  });

  it("gives no rates when nothing counts", () => {
    expect(summarizeItems([aRectificationItem({ status: "cancelled" })], TODAY)).toEqual({
      total: 1,
      byStatus: { pending: 0, in_progress: 0, submitted: 0, returned: 0, closed: 0, cancelled: 1 },
      overdue: 0,
      closureRate: null,
      onTimeClosureRate: null,
    });
  });

  it("gives a closure rate of 0, not null, when items are open but none closed", () => {
    expect(summarizeItems([aRectificationItem()], TODAY)).toMatchObject({
      closureRate: 0,
      onTimeClosureRate: null,
    });
  });
});

describe("repeatFindings", () => {
  it("lists an item code found at one school in two visits, oldest visit first", () => {
    const items = [
      aRectificationItem({ visitId: VISIT_2, itemCode: "AQ-001" }),
      aRectificationItem({ visitId: VISIT_1, itemCode: "AQ-001", status: "closed" }),
    ];
    expect(repeatFindings(items)).toEqual([
      { schoolId: SCHOOL_ID, itemCode: "AQ-001", visitIds: [VISIT_1, VISIT_2] },
    ]);
  });

  it("ignores the same code twice in one visit, at different schools, or withdrawn by cancelling", () => {
    const items = [
      aRectificationItem({ visitId: VISIT_1, itemCode: "AQ-001" }),
      aRectificationItem({ visitId: VISIT_1, itemCode: "AQ-001" }),
      aRectificationItem({ visitId: VISIT_2, itemCode: "AQ-001", schoolId: OTHER_SCHOOL_ID }),
      aRectificationItem({ visitId: VISIT_1, itemCode: "SP-002" }),
      aRectificationItem({ visitId: VISIT_2, itemCode: "SP-002", status: "cancelled" }),
    ];
    expect(repeatFindings(items)).toEqual([]);
  });

  it("puts the most repeated first, then orders by school and code", () => {
    const items = [
      aRectificationItem({ visitId: VISIT_1, itemCode: "SP-002" }),
      aRectificationItem({ visitId: VISIT_2, itemCode: "SP-002" }),
      aRectificationItem({ visitId: VISIT_1, itemCode: "AQ-001" }),
      aRectificationItem({ visitId: VISIT_2, itemCode: "AQ-001" }),
      aRectificationItem({ visitId: VISIT_1, itemCode: "XF-003" }),
      aRectificationItem({ visitId: VISIT_2, itemCode: "XF-003" }),
      aRectificationItem({ visitId: VISIT_3, itemCode: "XF-003" }),
    ];
    expect(repeatFindings(items).map((r) => [r.itemCode, r.visitIds.length])).toEqual([
      ["XF-003", 3],
      ["AQ-001", 2],
      ["SP-002", 2],
    ]);
  });
});
