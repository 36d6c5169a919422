import { describe, expect, it } from "vitest";

import { decisionProposals } from "@/lib/domain/rectification/decision";

import { aRectificationItem } from "@/test/helpers/builders/rectification";

const POLICY = { returnDays: 7 };
const TODAY = "2026-03-10";

describe("decisionProposals", () => {
  it("proposes the policy's deadline for a return of an item already due", () => {
    const item = aRectificationItem({ status: "submitted", dueDate: "2026-03-05" });
    expect(decisionProposals(item, POLICY, TODAY).verify_return).toEqual({
      dueDate: "2026-03-17",
    });
  });

  it("never proposes less time than the school already has", () => {
    const item = aRectificationItem({ status: "pending", dueDate: "2026-04-01" });
    expect(decisionProposals(item, POLICY, TODAY).verify_return).toEqual({
      dueDate: "2026-04-01",
    });
  });

  it("proposes the policy's deadline for an item without one", () => {
    const item = aRectificationItem({ mode: "on_site", dueDate: null });
    expect(decisionProposals(item, POLICY, TODAY).verify_return).toEqual({
      dueDate: "2026-03-17",
    });
  });

  it("proposes the date the school asked for when approving its extension", () => {
    const item = aRectificationItem({
      extension: { requestedDueDate: "2026-04-10", reason: "设备到货慢", requestedAt: 0 },
    });
    expect(decisionProposals(item, POLICY, TODAY).approve_extension).toEqual({
      dueDate: "2026-04-10",
    });
  });
});
