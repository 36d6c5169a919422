import { describe, expect, it } from "vitest";

import {
  monthAt,
  monthDays,
  monthLabel,
  monthOf,
  nextMonth,
  previousMonth,
} from "@/lib/domain/month";
import { monthSchema } from "@/lib/domain/month.schema";
import { dateStringSchema } from "@/lib/domain/visit/answer.schema";

describe("monthSchema", () => {
  it.each(["2000-01", "2026-03", "2099-12"])("takes %s", (month) => {
    expect(monthSchema.safeParse(month).success).toBe(true);
  });

  it.each(["1999-12", "2100-01", "2026-00", "2026-13", "2026-3", "202603", " 2026-03"])(
    "refuses %s, in Chinese",
    (month) => {
      const parsed = monthSchema.safeParse(month);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("月份应为 2000-01 至 2099-12 之间的 YYYY-MM");
    },
  );

  it("accepts exactly the months whose days are dates", () => {
    for (const month of ["2000-01", "2099-12"]) {
      const { from, to } = monthDays(month);
      expect(dateStringSchema.safeParse(from).success).toBe(true);
      expect(dateStringSchema.safeParse(to).success).toBe(true);
    }
    expect(dateStringSchema.safeParse("1999-12-31").success).toBe(false);
    expect(dateStringSchema.safeParse("2100-01-01").success).toBe(false);
  });
});

describe("months", () => {
  it.each([
    ["2026-02", "2026-02-01", "2026-02-28"],
    ["2028-02", "2028-02-01", "2028-02-29"],
    ["2026-12", "2026-12-01", "2026-12-31"],
  ])("%s runs from %s to %s", (month, from, to) => {
    expect(monthDays(month)).toEqual({ from, to });
  });

  it("steps across a year's end both ways", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth("2026-09")).toBe("2026-10");
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(previousMonth("2026-10")).toBe("2026-09");
  });

  it("takes the month of a China date and of an instant in China time", () => {
    expect(monthOf("2026-03-31")).toBe("2026-03");
    // 16:30 UTC on 31 March is 00:30 on 1 April in China.
    expect(monthAt(Date.parse("2026-03-31T16:30:00Z"))).toBe("2026-04");
    expect(monthAt(Date.parse("2026-03-31T15:59:59Z"))).toBe("2026-03");
  });

  it("labels a month as people write it", () => {
    expect(monthLabel("2026-03")).toBe("2026年3月");
    expect(monthLabel("2026-11")).toBe("2026年11月");
  });
});
