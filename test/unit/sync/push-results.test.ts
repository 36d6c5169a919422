import { describe, expect, it } from "vitest";

import { refusal } from "@/lib/domain/refusal";
import { splitPushResults } from "@/lib/sync/push-results";

import { anId } from "@/test/helpers/builders/visit";

const [A, B, C, D] = [anId(1), anId(2), anId(3), anId(4)];
const SUBMITTED = refusal("conflict", "检查已提交，不能再修改");

describe("splitPushResults", () => {
  it("acks applied and duplicate mutations and keeps rejections with their refusals", () => {
    expect(
      splitPushResults(
        [A, B, C],
        [
          { id: A, status: "applied" },
          { id: B, status: "duplicate" },
          { id: C, status: "rejected", refusal: SUBMITTED },
        ],
      ),
    ).toEqual({ acked: [A, B], rejected: [{ id: C, refusal: SUBMITTED }] });
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
            { id: A, status: "rejected", refusal: { code: "conflict", message: "重复" } },
          ],
        ),
      ).toEqual({ acked: [A], rejected: [] });
    });
  });
});
