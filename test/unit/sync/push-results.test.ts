import { describe, expect, it } from "vitest";

import { splitPushResults } from "@/lib/sync/push-results";

import { anId } from "@/test/helpers/builders/visit";

const [A, B, C, D] = [anId(1), anId(2), anId(3), anId(4)];

describe("splitPushResults", () => {
  it("acks applied and duplicate mutations and keeps rejections with their reasons", () => {
    expect(
      splitPushResults(
        [A, B, C],
        [
          { id: A, status: "applied" },
          { id: B, status: "duplicate" },
          { id: C, status: "rejected", reason: "检查已提交，不能再修改" },
        ],
      ),
    ).toEqual({ acked: [A, B], rejected: [{ id: C, reason: "检查已提交，不能再修改" }] });
  });

  describe("edge cases", () => {
    it("leaves a sent mutation the server did not mention for the next push", () => {
      expect(splitPushResults([A, B], [{ id: A, status: "applied" }])).toEqual({
        acked: [A],
        rejected: [],
      });
    });

    it("ignores results for mutations that were not sent", () => {
      expect(splitPushResults([A], [{ id: D, status: "applied" }])).toEqual({
        acked: [],
        rejected: [],
      });
    });

    it("counts the first result when the server repeats an id", () => {
      expect(
        splitPushResults(
          [A],
          [
            { id: A, status: "applied" },
            { id: A, status: "rejected", reason: "重复" },
          ],
        ),
      ).toEqual({ acked: [A], rejected: [] });
    });
  });
});
