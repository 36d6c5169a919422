/**
 * 一月一排名一通报 on a county's month with known answers: the month's ranking by the documented
 * formula (docs/analytics.md), and the 督导通报 PDF, whose text (pdf-parse) carries the 公文 parts
 * and the ranking in its order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "@/lib/domain/dates";
import { monthOf } from "@/lib/domain/month";
import type { User } from "@/lib/domain/org/org.schema";
import { bulletinPdfFor, getMonthlyRanking } from "@/lib/server/analytics/ranking";
import { systemClock } from "@/lib/utils/clock";

import { buildCounty } from "../../helpers/builders/county";
import {
  aReport,
  buildHistory,
  byDeadline,
  cancelledOn,
  clockToday,
  dayOfMonthBefore,
  reportedAndClosed,
  underControl,
} from "../../helpers/builders/history";
import { pageTexts } from "../../helpers/pdf-pages";
import { domainUser } from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const today = clockToday();
const m = (back: number, day: number) => dayOfMonthBefore(today, back, day);
/** Last month: complete, so its ranking day is its last day. */
const month = monthOf(m(1, 1));

let t: TestDatabase;
let office: User;

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  office = await domainUser(t.db, "office");
  await buildHistory(t.db, [
    // Month −2: S12's AQ-001, closed, so last month's AQ-001 there is a repeat.
    {
      school: "S12",
      inspector: "inspector2",
      on: m(2, 3),
      findings: [
        {
          name: "s12Earlier",
          code: "AQ-001",
          rectification: byDeadline(m(2, 10)),
          steps: reportedAndClosed(m(2, 5), m(2, 6)),
        },
      ],
    },
    // Last month. S22: nothing found, 100.
    { school: "S22", inspector: "inspector3", on: m(1, 2), findings: [] },
    // S01: one 一般 (1), closed on time: 99.
    {
      school: "S01",
      inspector: "inspector1",
      on: m(1, 3),
      findings: [
        {
          name: "s01",
          code: "XF-001",
          rectification: byDeadline(m(1, 10)),
          steps: reportedAndClosed(m(1, 8), m(1, 9)),
        },
      ],
    },
    // S07: one 一般 (1) ignored past its date (2); a 较重 cancelled, left out: 97.
    {
      school: "S07",
      inspector: "inspector1",
      on: m(1, 5),
      findings: [
        { name: "s07Late", code: "AQ-002", rectification: byDeadline(m(1, 12)) },
        {
          name: "s07Cancelled",
          code: "SJ-002",
          rectification: byDeadline(m(1, 20)),
          steps: [cancelledOn(m(1, 7))],
        },
      ],
    },
    // S12: AQ-001 again (一般 1, a repeat 3), not yet due: 96.
    {
      school: "S12",
      inspector: "inspector2",
      on: m(1, 4),
      findings: [
        { name: "s12Repeat", code: "AQ-001", rectification: byDeadline(addDays(today, 10)) },
      ],
    },
    // S11: one 较重 (3), reported after its date (2): 95.
    {
      school: "S11",
      inspector: "inspector2",
      on: m(1, 4),
      findings: [
        {
          name: "s11",
          code: "SF-002",
          rectification: byDeadline(m(1, 10)),
          steps: [{ on: m(1, 15), by: "school", action: aReport() }],
        },
      ],
    },
    // S21: one 重大 (5) under control, reported on time: 95.
    {
      school: "S21",
      inspector: "inspector3",
      on: m(1, 6),
      findings: [
        {
          name: "s21",
          code: "XC-001",
          rectification: underControl(m(1, 20)),
          steps: [{ on: m(1, 10), by: "school", action: aReport() }],
        },
      ],
    },
  ]);
});
afterAll(() => t.drop());

describe("the monthly ranking", () => {
  it("ranks the visited schools of the month by the formula and leaves the others unranked", async () => {
    const now = systemClock.now();
    const ranking = await getMonthlyRanking(t.db, office, month, now);
    expect(ranking.asOf).toBe(addDays(m(0, 1), -1));
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    expect(Object.fromEntries(ranked.map((s) => [s.schoolName, [s.rank, s.score]]))).toEqual({
      青石镇初级中学: [1, 100],
      示范区实验小学: [2, 99],
      城东第二小学: [3, 97],
      西山初级中学: [4, 96],
      城西小学: [5, 95],
      青石镇中心小学: [5, 95],
    });
    expect(ranked.map((s) => s.score)).toEqual(
      [...ranked.map((s) => s.score)].sort((a, b) => b - a),
    );
    const byName = (name: string) => ranked.find((s) => s.schoolName === name)!;
    expect(byName("城东第二小学")).toMatchObject({ findingPoints: 1, late: 1, repeats: 0 });
    expect(byName("西山初级中学")).toMatchObject({ findingPoints: 1, late: 0, repeats: 1 });
    expect(byName("城西小学")).toMatchObject({ findingPoints: 3, late: 1, repeats: 0 });
    expect(byName("青石镇中心小学")).toMatchObject({ findingPoints: 5, late: 0, repeats: 0 });
    const unranked = ranking.schools.filter((s) => s.rank === null);
    expect(unranked).toHaveLength(24);
    expect(unranked.every((s) => s.visits === 0)).toBe(true);
    expect(
      ranking.zones.map((z) => [z.zoneName, z.rank, z.score, z.visitedSchools, z.schools]),
    ).toEqual([
      ["城东责任区", 1, 98, 2, 10],
      ["乡镇责任区", 2, 97.5, 2, 10],
      ["城西责任区", 3, 95.5, 2, 10],
    ]);
  });
});

describe("the 督导通报 PDF", () => {
  it("is an A4 公文 with the month's ranking, zones and schools in rank order", async () => {
    const now = systemClock.now();
    const ranking = await getMonthlyRanking(t.db, office, month, now);
    const result = await bulletinPdfFor(t.db, office, month, now);
    expect(result).not.toBeNull();
    const { pdf, filename } = result!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const [year, m] = month.split("-").map(Number);
    expect(filename).toBe(`督导通报 ${year}年${m}月.pdf`);
    const text = (await pageTexts(pdf)).join("");
    // 版头, 文号, title, 主送, the formula, both rankings, 署名.
    for (const part of [
      "示范区人民政府教育督导室",
      `督导通报〔${year}〕第${m}期`,
      `关于${year}年${m}月责任督学挂牌督导情况的通报`,
      "各中小学校、幼儿园，各督学责任区：",
      "一、排名办法",
      "学校得分=100",
      "二、督学责任区排名",
      "三、学校排名",
    ]) {
      expect(text).toContain(part);
    }
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    const positions = ranked.map((s) => text.indexOf(s.schoolName.replace(/\s+/g, "")));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const zonePositions = ranking.zones.map((z) => text.indexOf(z.zoneName));
    expect(zonePositions.every((p) => p >= 0)).toBe(true);
  });

  it("is not issued for an account that speaks for no district", async () => {
    const now = systemClock.now();
    expect(await bulletinPdfFor(t.db, { ...office, districtId: null }, month, now)).toBeNull();
  });
});
