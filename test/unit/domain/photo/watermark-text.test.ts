import { describe, expect, it } from "vitest";

import { watermarkLines } from "@/lib/domain/photo/watermark-text";

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
