import { describe, expect, it } from "vitest";

import type { ItemKey } from "@/lib/domain/visit/checklist";
import { snapshotEdits, type SnapshotTap } from "@/lib/hooks/visit-snapshot";

import { aVisitAnswer } from "@/test/helpers/builders/visit";

const A = "campus-safety/AQ-001" as ItemKey;
const B = "campus-safety/AQ-002" as ItemKey;

const tap = (key: string, value: string, kind: SnapshotTap["kind"] = "result"): SnapshotTap => ({
  key,
  kind,
  value,
});

describe("snapshotEdits: the answers tapped on a visit's snapshot, for the live checklist", () => {
  it("makes each tapped answer an edit, in the order of the items' last taps", () => {
    expect(snapshotEdits([tap(A, "pass"), tap(B, "fail")], new Map())).toEqual([
      { key: A, edit: { kind: "result", result: "pass" } },
      { key: B, edit: { kind: "result", result: "fail" } },
    ]);
  });

  it("keeps only the last tap on an item", () => {
    expect(snapshotEdits([tap(A, "pass"), tap(A, "partial")], new Map())).toEqual([
      { key: A, edit: { kind: "result", result: "partial" } },
    ]);
  });

  it("never clears an answer the item already has (a second tap on the live one would)", () => {
    const answers = new Map([[A, aVisitAnswer({ result: "pass" })]]);
    expect(snapshotEdits([tap(A, "pass")], answers)).toEqual([]);
    expect(snapshotEdits([tap(A, "fail")], answers)).toEqual([
      { key: A, edit: { kind: "result", result: "fail" } },
    ]);
  });

  it("sets a choice item's value, unless it is already that value", () => {
    const answers = new Map([[B, aVisitAnswer({ value: "yes" })]]);
    expect(snapshotEdits([tap(B, "yes", "value")], answers)).toEqual([]);
    expect(snapshotEdits([tap(B, "no", "value")], answers)).toEqual([
      { key: B, edit: { kind: "value", value: "no" } },
    ]);
  });

  it("ignores a result that is not one of the four answers", () => {
    expect(snapshotEdits([tap(A, "maybe")], new Map())).toEqual([]);
  });
});
