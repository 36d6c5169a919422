import { describe, expect, it } from "vitest";

import type { Id } from "@/lib/domain/ids";
import { matchesSchoolQuery, rankSchoolsByNeed } from "@/lib/domain/visit/school-need";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";

import { anId, aPackSchool, aVisit } from "@/test/helpers/builders/visit";

/** 2026-03-20 10:00 China time. */
const NOW = Date.UTC(2026, 2, 20, 2, 0);
const chinaNoon = (date: string) => Date.parse(`${date}T04:00:00Z`);

function school(
  n: number,
  lastVisitDate: string | null,
  overrides: Partial<PackSchool> = {},
): PackSchool {
  return aPackSchool({
    id: anId(n),
    code: `S${String(n).padStart(2, "0")}`,
    name: `学校${n}`,
    lastVisit:
      lastVisitDate === null
        ? null
        : {
            visitId: anId(100 + n),
            date: lastVisitDate,
            score: null,
            openItems: 0,
            overdueItems: 0,
          },
    ...overrides,
  });
}

const item = (schoolId: Id, dueDate: string | null) => ({ schoolId, dueDate });

describe("rankSchoolsByNeed", () => {
  it("counts days since the last visit and flags the monthly rule when the pack's visit is last month", () => {
    const [need] = rankSchoolsByNeed({
      schools: [school(1, "2026-02-18")],
      visits: [],
      openItems: [],
      now: NOW,
    });
    expect(need).toMatchObject({
      lastVisitDate: "2026-02-18",
      daysSinceVisit: 30,
      isDueThisMonth: true,
    });
    expect(need?.reasons.map((r) => r.text)).toEqual(["本月尚未督导（距上次 30 天）"]);
  });

  it("treats a visit on the phone as the latest visit when it is newer than the pack's", () => {
    const visit = aVisit({
      id: anId(50),
      schoolId: anId(1),
      startedAt: chinaNoon("2026-03-17"),
      status: "submitted",
      submittedAt: chinaNoon("2026-03-17"),
    });
    const [need] = rankSchoolsByNeed({
      schools: [school(1, "2026-02-18")],
      visits: [visit],
      openItems: [],
      now: NOW,
    });
    expect(need).toMatchObject({
      lastVisitDate: "2026-03-17",
      daysSinceVisit: 3,
      isDueThisMonth: false,
      draftVisitId: null,
    });
    expect(need?.reasons.map((r) => r.text)).toEqual(["本月已督导（3 天前）"]);
  });

  it("reports a draft on the phone so the inspector continues it", () => {
    const draft = aVisit({ id: anId(51), schoolId: anId(1), startedAt: chinaNoon("2026-03-20") });
    const [need] = rankSchoolsByNeed({
      schools: [school(1, null)],
      visits: [draft],
      openItems: [],
      now: NOW,
    });
    expect(need).toMatchObject({
      draftVisitId: anId(51),
      daysSinceVisit: 0,
      isDueThisMonth: false,
    });
    expect(need?.reasons.map((r) => r.text)).toEqual(["有未提交的检查", "今天已督导"]);
  });

  it("counts open items and those past their due date (立行立改 items have none)", () => {
    const openItems = [
      item(anId(1), "2026-03-19"),
      item(anId(1), "2026-03-20"),
      item(anId(1), null),
      item(anId(2), "2026-01-01"),
    ];
    const [need] = rankSchoolsByNeed({
      schools: [school(1, "2026-03-02")],
      visits: [],
      openItems,
      now: NOW,
    });
    expect(need).toMatchObject({ openItems: 3, overdueItems: 1 });
    expect(need?.reasons.map((r) => r.text)).toEqual([
      "本月已督导（18 天前）",
      "逾期整改 1 项",
      "整改中 2 项",
    ]);
  });

  it("says so when a school has never been visited", () => {
    const [need] = rankSchoolsByNeed({
      schools: [school(1, null)],
      visits: [],
      openItems: [],
      now: NOW,
    });
    expect(need).toMatchObject({ lastVisitDate: null, daysSinceVisit: null, isDueThisMonth: true });
    expect(need?.reasons).toEqual([{ kind: "never_visited", text: "尚无督导记录" }]);
  });

  it("orders drafts first, then due this month, then overdue items, days since visit, open items and code", () => {
    const schools = [
      school(1, "2026-03-10"), // visited this month, nothing open
      school(2, "2026-03-10"), // visited this month, 1 open
      school(3, "2026-02-25"), // due, 23 days
      school(4, "2026-01-05"), // due, 74 days
      school(5, null), // due, never
      school(6, "2026-02-25"), // due, 23 days, 1 overdue
      school(7, "2026-03-01"), // has a draft
      school(8, "2026-03-10"), // same as 1: by code
    ];
    const draft = aVisit({ id: anId(60), schoolId: anId(7), startedAt: chinaNoon("2026-03-20") });
    const openItems = [item(anId(2), "2026-04-01"), item(anId(6), "2026-03-01")];
    const ranked = rankSchoolsByNeed({ schools, visits: [draft], openItems, now: NOW });
    expect(ranked.map((n) => n.school.code)).toEqual([
      "S07",
      "S06",
      "S05",
      "S04",
      "S03",
      "S02",
      "S01",
      "S08",
    ]);
  });
});

describe("matchesSchoolQuery", () => {
  const s = school(1, null, {
    name: "青石镇中心小学",
    code: "S21",
    address: "青石镇政府街 6 号",
    principal: "施强",
  });

  it.each([
    ["", true],
    ["  ", true],
    ["青石", true],
    ["s21", true],
    ["政府街", true],
    ["施强", true],
    ["河湾", false],
  ])("is %j → %s", (query, expected) => {
    expect(matchesSchoolQuery(s, query)).toBe(expected);
  });
});
