import { describe, expect, it } from "vitest";

import {
  addDays,
  chinaDateTime,
  chinaDayBounds,
  chinaMonthDayTime,
  toChinaDate,
} from "@/lib/domain/dates";

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

describe("chinaDateTime", () => {
  it.each([
    ["06:05 UTC is 14:05 in China", Date.UTC(2026, 10, 23, 6, 5), "2026-11-23 14:05"],
    ["seconds are dropped, not rounded", Date.UTC(2026, 10, 23, 6, 5, 59, 999), "2026-11-23 14:05"],
    [
      "16:00 UTC is midnight of the next China day",
      Date.UTC(2026, 2, 2, 16, 0),
      "2026-03-03 00:00",
    ],
    [
      "15:59 UTC is the last minute of the China day",
      Date.UTC(2026, 2, 2, 15, 59),
      "2026-03-02 23:59",
    ],
    [
      "New Year's Eve 20:30 UTC is already next year",
      Date.UTC(2025, 11, 31, 20, 30),
      "2026-01-01 04:30",
    ],
    ["summer has the same offset (no DST)", Date.UTC(2026, 6, 15, 1, 7), "2026-07-15 09:07"],
  ])("formats the China time when %s", (_case, epochMs, expected) => {
    expect(chinaDateTime(epochMs)).toBe(expected);
  });
});

describe("chinaMonthDayTime", () => {
  it("shows the China day and time when the instant is early morning UTC", () => {
    expect(chinaMonthDayTime(Date.UTC(2026, 2, 19, 23, 5))).toBe("3月20日 07:05");
  });
});

describe("chinaDayBounds", () => {
  it("spans from the first China midnight to the midnight after the last day", () => {
    expect(chinaDayBounds("2026-03-01", "2026-03-31")).toEqual({
      start: Date.parse("2026-03-01T00:00:00+08:00"),
      end: Date.parse("2026-04-01T00:00:00+08:00"),
    });
  });

  it("takes a single day and a range across a year's end", () => {
    expect(chinaDayBounds("2026-12-31", "2026-12-31")).toEqual({
      start: Date.UTC(2026, 11, 30, 16),
      end: Date.UTC(2026, 11, 31, 16),
    });
    expect(chinaDayBounds("2026-12-31", "2027-01-01").end).toBe(Date.UTC(2027, 0, 1, 16));
  });

  it("leaves a side open when its date is not given", () => {
    expect(chinaDayBounds("2026-03-01", undefined)).toEqual({
      start: Date.parse("2026-03-01T00:00:00+08:00"),
      end: undefined,
    });
    expect(chinaDayBounds(undefined, "2026-02-28")).toEqual({
      start: undefined,
      end: Date.parse("2026-03-01T00:00:00+08:00"),
    });
    expect(chinaDayBounds(undefined, undefined)).toEqual({ start: undefined, end: undefined });
  });
});
