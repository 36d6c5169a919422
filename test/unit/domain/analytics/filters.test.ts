import { describe, expect, it } from "vitest";

import { ledgerHref, OPEN_STATUSES } from "@/lib/domain/analytics/filters";

const ZONE = "0195f3a0-0000-7000-8000-000000000001";

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
