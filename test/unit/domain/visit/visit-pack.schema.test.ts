import { describe, expect, it } from "vitest";

import { isOpenItem } from "@/lib/domain/rectification/open-item";
import type { RectificationStatus } from "@/lib/domain/rectification/rectification.schema";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";

import { anOpenItem, aPackSchool, aVisitPack } from "@/test/helpers/builders/visit";

function pathsOf(value: unknown) {
  const result = visitPackSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("visitPackSchema", () => {
  it("accepts a pack with a school never visited", () => {
    expect(
      visitPackSchema.safeParse(aVisitPack({ schools: [aPackSchool({ lastVisit: null })] }))
        .success,
    ).toBe(true);
  });

  it.each<[string, Parameters<typeof aVisitPack>[0], string]>([
    [
      "a last visit date that is not a date",
      { schools: [aPackSchool({ lastVisit: { ...aPackSchool().lastVisit!, date: "3月2日" } })] },
      "schools.0.lastVisit.date",
    ],
    [
      "a negative open item count",
      { schools: [aPackSchool({ lastVisit: { ...aPackSchool().lastVisit!, openItems: -1 } })] },
      "schools.0.lastVisit.openItems",
    ],
    [
      "a score over 100",
      { schools: [aPackSchool({ lastVisit: { ...aPackSchool().lastVisit!, score: 101 } })] },
      "schools.0.lastVisit.score",
    ],
    [
      "an item with an unknown severity",
      { openItems: [anOpenItem({ severity: "low" as never })] },
      "openItems.0.severity",
    ],
    [
      "an item with an invalid item code",
      { openItems: [anOpenItem({ itemCode: "aq1" })] },
      "openItems.0.itemCode",
    ],
  ])("rejects %s", (_name, overrides, path) => {
    expect(pathsOf(aVisitPack(overrides))).toContain(path);
  });
});

describe("isOpenItem", () => {
  it.each<[RectificationStatus, boolean]>([
    ["pending", true],
    ["in_progress", true],
    ["submitted", true],
    ["returned", true],
    ["closed", false],
    ["cancelled", false],
  ])("is %s → %s", (status, expected) => {
    expect(isOpenItem(anOpenItem({ status }))).toBe(expected);
  });
});
