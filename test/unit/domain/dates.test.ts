import { describe, expect, it } from "vitest";

import { addDays, toChinaDate } from "@/lib/domain/dates";

describe("toChinaDate", () => {
  it.each([
    ["midnight UTC is 08:00 the same day in China", Date.UTC(2026, 2, 2, 0, 0), "2026-03-02"],
    [
      "15:59:59 UTC is still the same China day",
      Date.UTC(2026, 2, 2, 15, 59, 59, 999),
      "2026-03-02",
    ],
    ["16:00 UTC is midnight of the next China day", Date.UTC(2026, 2, 2, 16, 0), "2026-03-03"],
    ["New Year's Eve 20:00 UTC is already next year", Date.UTC(2025, 11, 31, 20, 0), "2026-01-01"],
    ["summer has the same offset (no DST)", Date.UTC(2026, 6, 15, 16, 30), "2026-07-16"],
  ])("returns the China date when %s", (_case, epochMs, expected) => {
    expect(toChinaDate(epochMs)).toBe(expected);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-03-02", 3, "2026-03-05"],
    ["2026-03-02", 0, "2026-03-02"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-12-17", 15, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-01-01", 365, "2027-01-01"],
  ])("returns %s plus %i days as %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
