import { describe, expect, it } from "vitest";

import { queryValues, toQueryString } from "@/lib/utils/search-params";

describe("queryValues", () => {
  it("keeps one value per key and drops empty ones", () => {
    expect(
      queryValues({ status: "pending,returned", overdue: "", school: undefined, zone: ["a", "b"] }),
    ).toEqual({
      status: "pending,returned",
      zone: "a",
    });
  });
});

describe("toQueryString", () => {
  it.each([
    [{}, ""],
    [{ overdue: "true" }, "?overdue=true"],
    [
      { status: "pending,in_progress", severity: "major" },
      "?status=pending%2Cin_progress&severity=major",
    ],
  ])("writes %o as %s", (values, expected) => {
    expect(toQueryString(values)).toBe(expected);
  });
});
