import { describe, expect, it } from "vitest";

import { ledgerHref, OPEN_STATUSES, parseDashboardFilters } from "@/lib/domain/analytics/filters";

const ZONE = "0195f3a0-0000-7000-8000-000000000001";

describe("parseDashboardFilters", () => {
  it("keeps valid parameters and drops the unusable ones", () => {
    expect(
      parseDashboardFilters({
        zone: ZONE,
        domain: "fire",
        severity: "huge",
        from: "2026-02-30",
        month: "2026-03",
        other: "x",
      }),
    ).toEqual({
      filters: { zone: ZONE, domain: "fire", month: "2026-03" },
      dropped: ["severity", "from"],
    });
  });

  it("drops an end date before the start date", () => {
    expect(parseDashboardFilters({ from: "2026-03-10", to: "2026-03-01" })).toEqual({
      filters: { from: "2026-03-10" },
      dropped: ["to"],
    });
  });
});

describe("ledgerHref", () => {
  it("carries the dashboard's filters and the figure's slice in the ledger's parameters", () => {
    expect(ledgerHref({ zone: ZONE, domain: "fire", month: "2026-03" }, { overdue: true })).toBe(
      `/office/items?zone=${ZONE}&domain=fire&overdue=1`,
    );
    expect(ledgerHref({}, { state: OPEN_STATUSES, severity: "major" })).toBe(
      "/office/items?severity=major&state=pending%2Cin_progress%2Csubmitted%2Creturned",
    );
    expect(ledgerHref({})).toBe("/office/items");
  });
});
