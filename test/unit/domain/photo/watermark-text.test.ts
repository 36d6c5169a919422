import { describe, expect, it } from "vitest";

import { toChinaMinute, watermarkLines } from "@/lib/domain/photo/watermark-text";

describe("toChinaMinute", () => {
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
    expect(toChinaMinute(epochMs)).toBe(expected);
  });
});

describe("watermarkLines", () => {
  it("puts the school on the first line and time and inspector on the second when given all three", () => {
    expect(
      watermarkLines({
        schoolName: " 示范区实验小学 ",
        takenBy: "督学 张伟 ",
        takenAt: Date.UTC(2026, 10, 23, 6, 5),
      }),
    ).toEqual(["示范区实验小学", "2026-11-23 14:05　督学 张伟"]);
  });
});
