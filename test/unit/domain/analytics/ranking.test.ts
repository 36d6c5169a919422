import { describe, expect, it } from "vitest";

import {
  rankSchools,
  rankZones,
  type SchoolMonth,
  schoolScore,
} from "@/lib/domain/analytics/ranking";

function month(id: string, overrides: Partial<SchoolMonth> = {}): SchoolMonth {
  return {
    schoolId: id,
    schoolName: `学校${id}`,
    zoneId: "z1",
    zoneName: "城东责任区",
    visits: 1,
    findings: { minor: 0, major: 0, critical: 0 },
    late: 0,
    repeats: 0,
    ...overrides,
  };
}

describe("schoolScore", () => {
  it("deducts 1/3/5 per finding by severity, 2 per late finding, 3 per repeat", () => {
    expect(
      schoolScore({
        visits: 1,
        findings: { minor: 2, major: 1, critical: 1 },
        late: 1,
        repeats: 1,
      }),
    ).toEqual({ findingPoints: 10, latePoints: 2, repeatPoints: 3, score: 85 });
  });

  it("never goes below 0", () => {
    const many = { visits: 1, findings: { minor: 0, major: 0, critical: 30 }, late: 0, repeats: 0 };
    expect(schoolScore(many).score).toBe(0);
  });
});

describe("rankSchools", () => {
  it("ranks best first with shared ranks for equal scores, the unvisited last and unranked", () => {
    const ranked = rankSchools([
      month("a", { findings: { minor: 0, major: 1, critical: 0 } }),
      month("b"),
      month("c", { visits: 0 }),
      month("d", { findings: { minor: 3, major: 0, critical: 0 } }),
      month("e", { findings: { minor: 5, major: 0, critical: 0 } }),
    ]);
    expect(ranked.map((s) => [s.schoolId, s.score, s.rank])).toEqual([
      ["b", 100, 1],
      ["a", 97, 2],
      ["d", 97, 2],
      ["e", 95, 4],
      ["c", 100, null],
    ]);
  });
});

describe("rankZones", () => {
  it("averages the ranked schools' scores and counts coverage over all schools", () => {
    const schools = rankSchools([
      month("a", { findings: { minor: 4, major: 0, critical: 0 } }),
      month("b"),
      month("c", { visits: 0 }),
      month("x", { zoneId: "z2", zoneName: "城西责任区" }),
      month("y", { zoneId: "z3", zoneName: "乡镇责任区", visits: 0 }),
    ]);
    expect(rankZones(schools)).toEqual([
      {
        zoneId: "z2",
        zoneName: "城西责任区",
        schools: 1,
        visitedSchools: 1,
        coverage: 1,
        score: 100,
        rank: 1,
      },
      {
        zoneId: "z1",
        zoneName: "城东责任区",
        schools: 3,
        visitedSchools: 2,
        coverage: 2 / 3,
        score: 98,
        rank: 2,
      },
      {
        zoneId: "z3",
        zoneName: "乡镇责任区",
        schools: 1,
        visitedSchools: 0,
        coverage: 0,
        score: null,
        rank: null,
      },
    ]);
  });
});
