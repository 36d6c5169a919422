import { describe, expect, it } from "vitest";

import { nextItemCode } from "@/components/templates/item-defaults";

describe("nextItemCode", () => {
  it.each([
    ["one past the highest number", ["AQ-001", "AQ-007", "AQ-003"], "AQ-008"],
    ["the first item's prefix", ["XF-002", "AQ-009"], "XF-003"],
    ["the fallback prefix when there are no items", [], "JC-001"],
  ])("gives %s", (_case, codes, expected) => {
    expect(nextItemCode(codes.map((code) => ({ code })))).toBe(expected);
  });
});
