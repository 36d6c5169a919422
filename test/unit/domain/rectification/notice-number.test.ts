import { describe, expect, it } from "vitest";

import { formatNoticeNumber, parseNoticeNumber } from "@/lib/domain/rectification/notice-number";

describe("formatNoticeNumber", () => {
  it.each([
    ["示范区督", 2026, 12, "示范区督〔2026〕第12号"],
    ["", 2026, 1, "〔2026〕第1号"],
    [" 杜教督 ", 2025, 308, "杜教督〔2025〕第308号"],
  ] as const)("writes prefix %j, year %i, serial %i as %s", (prefix, year, n, expected) => {
    expect(formatNoticeNumber(prefix, year, n)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
    [20260, 1],
  ])("throws for year %i and serial %d", (year, n) => {
    expect(() => formatNoticeNumber("示范区督", year, n)).toThrow(RangeError);
  });
});

describe("parseNoticeNumber", () => {
  it.each([
    ["示范区督〔2026〕第12号", { prefix: "示范区督", year: 2026, n: 12 }],
    ["〔2026〕第1号", { prefix: "", year: 2026, n: 1 }],
    ["  示范区督〔2026〕第12号 ", { prefix: "示范区督", year: 2026, n: 12 }],
    ["杜教〔2013〕9号", { prefix: "杜教", year: 2013, n: 9 }],
    ["示范区督[2026]第12号", { prefix: "示范区督", year: 2026, n: 12 }],
    ["示范区督［2026］第12号", { prefix: "示范区督", year: 2026, n: 12 }],
    ["示范区督【2026】第12号", { prefix: "示范区督", year: 2026, n: 12 }],
  ])("reads %s", (text, expected) => {
    expect(parseNoticeNumber(text)).toEqual(expected);
  });

  it.each([
    "",
    "示范区督2026第12号",
    "示范区督〔26〕第12号",
    "示范区督〔2026〕第0号",
    "示范区督〔2026〕第012号",
    "示范区督〔2026〕第12",
    "〔2026〕第12号附件",
  ])("returns null for %j", (text) => {
    expect(parseNoticeNumber(text)).toBeNull();
  });

  it("reads back what formatNoticeNumber wrote", () => {
    expect(parseNoticeNumber(formatNoticeNumber("示范区督", 2026, 47))).toEqual({
      prefix: "示范区督",
      year: 2026,
      n: 47,
    });
  });
});
