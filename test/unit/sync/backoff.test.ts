import { describe, expect, it } from "vitest";

import { MAX_BACKOFF_MS, nextDelayMs } from "@/lib/sync/backoff";

describe("nextDelayMs", () => {
  it.each([
    // attempt, random, delay
    [0, 0.5, 500],
    [1, 0.5, 1_000],
    [2, 0.5, 2_000],
    [5, 0.5, 16_000],
    [8, 0.5, 128_000],
    [9, 0.5, 150_000],
    [0, 0, 0],
    [3, 0.25, 2_000],
  ])("waits up to base·2^attempt: attempt %i with random %f → %i ms", (attempt, random, delay) => {
    expect(nextDelayMs(attempt, random)).toBe(delay);
  });

  describe("edge cases", () => {
    it.each([9, 10, 30, 1_000, Number.POSITIVE_INFINITY])(
      "never waits longer than 5 minutes at attempt %s",
      (attempt) => {
        expect(nextDelayMs(attempt, 0.999_999)).toBeLessThan(MAX_BACKOFF_MS);
        expect(nextDelayMs(attempt, 0.999_999)).toBeGreaterThan(MAX_BACKOFF_MS - 1_000);
      },
    );

    it("stays below the ceiling when random is 1", () => {
      expect(nextDelayMs(2, 1)).toBe(3_999);
    });

    it("treats a negative attempt as the first", () => {
      expect(nextDelayMs(-3, 0.5)).toBe(500);
    });

    it("treats a negative random as 0", () => {
      expect(nextDelayMs(4, -0.2)).toBe(0);
    });
  });
});
