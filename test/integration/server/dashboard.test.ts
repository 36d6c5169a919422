/**
 * The dashboard's SQL figures against an independent count: every item row loaded plainly and
 * judged in JS with the domain's own rules (daysOverdue, closure), for each filter combination the
 * dashboard offers; and a fixture with known answers, including the fair-deadline cases.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BUILT_IN_TEMPLATES } from "@/lib/checklists";
import { type DashboardFilters } from "@/lib/domain/analytics/filters";
import { addDays, chinaDayStart, daysBetween, toChinaDate } from "@/lib/domain/dates";
import { monthOf } from "@/lib/domain/month";
import type { User } from "@/lib/domain/org/org.schema";
import { ledgerQuerySchema } from "@/lib/domain/rectification/ledger.schema";
import { daysOverdue } from "@/lib/domain/rectification/transition";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { getMonthlyRanking } from "@/lib/server/analytics/ranking";
import { rectificationItems, schools, templates, visits, zones } from "@/lib/server/db/schema";
import { moveSchool } from "@/lib/server/org/schools";
import { rowToItem } from "@/lib/server/repositories/rectification/item-repository";
import { listItemPage } from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";

import { buildCounty } from "../../helpers/builders/county";
import {
  aCountyHistory,
  aReport,
  buildHistory,
  byDeadline,
  dayOfMonthBefore,
  fixedOnSite,
  onDay,
  type PlannedVisit,
  reportedAndClosed,
} from "../../helpers/builders/history";
import { itemFacts, tallies } from "../../helpers/office-figures";
import { addSecondDistrictAndCity } from "../../helpers/org-fixtures";
import {
  aFinding,
  domainUser,
  issueTestNotice,
  schoolOf,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const fireCodes = BUILT_IN_TEMPLATES.find((t) => t.code === "fire")!
  .items.filter((i) => i.response.type === "judgement")
  .map((i) => i.code);

const NOW = systemClock.now();
const TODAY = toChinaDate(NOW);
/** Day `day` of the month `back` months before the test clock's month. */
const m = (back: number, day: number) => dayOfMonthBefore(TODAY, back, day);
/** The fixture's day: S01 visited, nothing else found that day. */
const FOUND = m(3, 20);
const DUE = addDays(FOUND, 18);

let t: TestDatabase;
let office: User;
let inspector1: User;
/** The fixture's three items at S01. */
let fixture: { onTime: string; late: string; closed: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  await buildHistory(t.db, aCountyHistory(TODAY));
  office = await domainUser(t.db, "office");
  inspector1 = await domainUser(t.db, "inspector1");
  const built = await buildHistory(t.db, [
    {
      school: "S01",
      inspector: "inspector1",
      on: FOUND,
      findings: [
        {
          // Reported on time and never reviewed: not overdue.
          name: "onTime",
          code: "XF-012",
          rectification: byDeadline(DUE),
          steps: [
            { on: addDays(FOUND, 8), by: "school", action: aReport("已更换压力不足的灭火器") },
          ],
        },
        // Never touched: overdue since DUE.
        { name: "late", code: "XF-024", rectification: byDeadline(DUE) },
        {
          // Reported, and closed 10 days after the finding.
          name: "closed",
          code: "XF-001",
          rectification: byDeadline(DUE),
          steps: reportedAndClosed(addDays(FOUND, 6), addDays(FOUND, 10)),
        },
      ],
    },
  ]);
  fixture = {
    onTime: built.onTime!.item.id,
    late: built.late!.item.id,
    closed: built.closed!.item.id,
  };
});
afterAll(() => t.drop());

/** The independent count: every item in the district, loaded plainly, judged in JS. */
async function expectedFigures(filters: DashboardFilters) {
  const rows = await t.db
    .select({
      item: rectificationItems,
      zoneId: schools.zoneId,
      inspectorId: visits.inspectorId,
      domain: templates.domain,
    })
    .from(rectificationItems)
    .innerJoin(schools, eq(schools.id, rectificationItems.schoolId))
    .innerJoin(visits, eq(visits.id, rectificationItems.visitId))
    .leftJoin(
      templates,
      and(
        eq(templates.code, rectificationItems.templateCode),
        eq(templates.version, rectificationItems.templateVersion),
      ),
    )
    .where(eq(rectificationItems.districtId, office.districtId!));
  const kept = rows.filter((r) => {
    const found = toChinaDate(r.item.createdAt.getTime());
    return (
      (!filters.zone || r.zoneId === filters.zone) &&
      (!filters.school || r.item.schoolId === filters.school) &&
      (!filters.inspector || r.inspectorId === filters.inspector) &&
      (!filters.domain || r.domain === filters.domain) &&
      (!filters.severity || r.item.severity === filters.severity) &&
      (!filters.from || found >= filters.from) &&
      (!filters.to || found <= filters.to)
    );
  });
  const items = kept.map((r) => rowToItem(r.item));
  const closed = items.filter((i) => i.status === "closed");
  const cancelled = items.filter((i) => i.status === "cancelled").length;
  const late = items.map((i) => daysOverdue(i, TODAY)).filter((d) => d > 0);
  const closeDays = closed.map((i) =>
    daysBetween(toChinaDate(i.createdAt), toChinaDate(i.closedAt!)),
  );
  return {
    summary: {
      total: items.length,
      closed: closed.length,
      cancelled,
      open: items.length - closed.length - cancelled,
      overdue: late.length,
      closureRate:
        items.length - cancelled === 0 ? null : closed.length / (items.length - cancelled),
      onTimeRate:
        closed.length === 0
          ? null
          : closed.filter((i) => i.dueDate === null || toChinaDate(i.closedAt!) <= i.dueDate)
              .length / closed.length,
      avgDaysToClose:
        closed.length === 0 ? null : closeDays.reduce((a, b) => a + b, 0) / closed.length,
    },
    ageing: {
      d1to7: late.filter((d) => d <= 7).length,
      d8to30: late.filter((d) => d >= 8 && d <= 30).length,
      d31to90: late.filter((d) => d >= 31 && d <= 90).length,
      over90: late.filter((d) => d > 90).length,
    },
    bySeverity: Object.fromEntries(
      ["critical", "major", "minor"]
        .map((s) => [s, items.filter((i) => i.severity === s).length] as const)
        .filter(([, n]) => n > 0),
    ),
    byDomainTotal: new Set(kept.map((r) => r.domain)).size,
  };
}

/** Coverage counted the plain way: active schools, and those with a submitted visit in the month. */
async function expectedCoverage(filters: DashboardFilters, month: string) {
  const start = new Date(chinaDayStart(`${month}-01`));
  const [y, m] = month.split("-").map(Number) as [number, number];
  const end = new Date(
    chinaDayStart(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`),
  );
  const all = await t.db
    .select({ id: schools.id, zoneId: schools.zoneId })
    .from(schools)
    .where(and(eq(schools.districtId, office.districtId!), eq(schools.isActive, true)));
  const inZone = all.filter(
    (s) =>
      (!filters.zone || s.zoneId === filters.zone) && (!filters.school || s.id === filters.school),
  );
  const visited = await t.db
    .selectDistinct({ schoolId: visits.schoolId })
    .from(visits)
    .where(
      sql`${visits.status} = 'submitted' and ${visits.startedAt} >= ${start} and ${visits.startedAt} < ${end}`,
    );
  const visitedIds = new Set(visited.map((v) => v.schoolId));
  return { schools: inZone.length, visited: inZone.filter((s) => visitedIds.has(s.id)).length };
}

describe("dashboard figures equal an independent count", () => {
  let zone: string;
  let school: string;
  beforeAll(async () => {
    const s01 = await schoolOf(t.db, "S01");
    school = s01.id;
    const [row] = await t.db
      .select({ zoneId: schools.zoneId })
      .from(schools)
      .where(eq(schools.id, school));
    zone = row!.zoneId!;
  });

  const combos: [string, () => DashboardFilters][] = [
    ["no filter", () => ({})],
    ["a zone", () => ({ zone })],
    ["a zone and a domain", () => ({ zone, domain: "fire" })],
    ["a school", () => ({ school })],
    ["an inspector", () => ({ inspector: inspector1.id })],
    ["a severity", () => ({ severity: "major" })],
    ["a domain and a severity", () => ({ domain: "fire", severity: "major" })],
    ["a date range", () => ({ from: m(4, 1), to: addDays(m(0, 1), -1) })],
    [
      "a zone, a domain and a date range",
      () => ({ zone, domain: "fire", from: m(3, 1), to: addDays(m(2, 1), -1) }),
    ],
    ["a school and a severity", () => ({ school, severity: "minor" })],
  ];

  it.each(combos)("with %s", async (_, make) => {
    const filters = make();
    const dashboard = await getDashboard(t.db, office, filters, NOW);
    const expected = await expectedFigures(filters);
    expect(dashboard.summary).toEqual(expected.summary);
    expect(dashboard.ageing).toEqual(expected.ageing);
    expect(Object.fromEntries(dashboard.bySeverity.map((b) => [b.key, b.figures.total]))).toEqual(
      expected.bySeverity,
    );
    expect(dashboard.byDomain).toHaveLength(expected.byDomainTotal);
    // Every breakdown adds up to the whole.
    for (const part of [
      dashboard.byZone,
      dashboard.byInspector,
      dashboard.byDomain,
      dashboard.bySeverity,
    ]) {
      expect(part.reduce((a, b) => a + b.figures.total, 0)).toBe(expected.summary.total);
    }
    for (const month of [monthOf(m(3, 1)), monthOf(m(1, 1))]) {
      const withMonth = await getDashboard(t.db, office, { ...filters, month }, NOW);
      if (!filters.inspector)
        expect(withMonth.coverage).toEqual(await expectedCoverage(filters, month));
    }
  });

  it("counts the history's items, overdue spread over every age, and its visited schools", async () => {
    const dashboard = await getDashboard(t.db, office, {}, NOW);
    // aCountyHistory's 14 items and the fixture's 3.
    expect(dashboard.summary).toMatchObject({ total: 17, closed: 5, cancelled: 1, open: 11 });
    expect(Object.values(dashboard.ageing).every((n) => n > 0)).toBe(true);
    // Month −3: S07 and the fixture's S01; month −1: S11 and S21.
    const covered = async (month: string) =>
      (await getDashboard(t.db, office, { month }, NOW)).coverage;
    expect(await covered(monthOf(m(3, 1)))).toEqual({ schools: 30, visited: 2 });
    expect(await covered(monthOf(m(1, 1)))).toEqual({ schools: 30, visited: 2 });
    expect(await covered(monthOf(m(2, 1)))).toEqual({ schools: 30, visited: 0 });
  });
});

describe("the fixture with known answers", () => {
  it("counts the on-time report awaiting review as not overdue, the ignored one as overdue", async () => {
    const dashboard = await getDashboard(t.db, office, { from: FOUND, to: FOUND }, NOW);
    expect(dashboard.summary).toEqual({
      total: 3,
      open: 2,
      closed: 1,
      cancelled: 0,
      overdue: 1,
      closureRate: 1 / 3,
      onTimeRate: 1,
      avgDaysToClose: 10,
    });
    // DUE is day 20 of month −3 plus 18 days: 50 to 86 days before today, whatever today is.
    const lateDays = daysBetween(DUE, TODAY);
    expect(lateDays).toBeGreaterThanOrEqual(50);
    expect(lateDays).toBeLessThanOrEqual(86);
    expect(dashboard.ageing).toEqual({ d1to7: 0, d8to30: 0, d31to90: 1, over90: 0 });
    expect(dashboard.trend).toHaveLength(12);
    expect(dashboard.trend.filter((t) => t.found > 0 || t.closed > 0)).toEqual(
      monthOf(FOUND) === monthOf(addDays(FOUND, 10))
        ? [{ month: monthOf(FOUND), found: 3, closed: 1 }]
        : [
            { month: monthOf(FOUND), found: 3, closed: 0 },
            { month: monthOf(addDays(FOUND, 10)), found: 0, closed: 1 },
          ],
    );
  });

  it("a report submitted before its deadline and not yet reviewed is not overdue in the ledger", async () => {
    const page = async (query: Record<string, string>) => {
      const result = await listItemPage(t.db, office, ledgerQuerySchema.parse(query), NOW);
      if ("error" in result) throw new Error(result.error);
      return result.rows;
    };
    const ids = (await page({ overdue: "1", limit: "200" })).map((row) => row.item.id);
    expect(ids).toContain(fixture.late);
    expect(ids).not.toContain(fixture.onTime);
    const onTime = (await page({ state: "submitted", limit: "200" })).find(
      (r) => r.item.id === fixture.onTime,
    );
    expect(onTime?.daysOverdue).toBe(0);
  });

  it("finds a repeat: the same item found again at S01 after its 销号", async () => {
    // The fixture's XF-001 already repeats the one closed at S01 in month −4; nothing else repeats.
    const before = await getDashboard(t.db, office, {}, NOW);
    expect(before.repeats.total).toBe(1);
    await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: onDay(m(2, 5)),
      findings: [aFinding("XF-001", { rectification: byDeadline(m(2, 15)) })],
    });
    const after = await getDashboard(t.db, office, {}, NOW);
    expect(after.repeats.total).toBe(2);
    expect(after.repeats.top).toContainEqual(
      expect.objectContaining({
        schoolId: (await schoolOf(t.db, "S01")).id,
        itemCode: "XF-001",
        count: 2,
      }),
    );
  });

  it("ranks S01 in month −2 by the documented formula", async () => {
    const month = monthOf(m(2, 1));
    const ranking = await getMonthlyRanking(t.db, office, month, NOW);
    const s01Id = (await schoolOf(t.db, "S01")).id;
    // Only S01 was visited in month −2: one 一般 finding (XF-001), late (due day 15, still open on
    // the month's last day), a repeat: 100 − 1 − 2 − 3.
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    expect(ranked.map((s) => s.schoolId)).toEqual([s01Id]);
    expect(ranked[0]).toMatchObject({
      rank: 1,
      late: 1,
      repeats: 1,
      findingPoints: 1,
      latePoints: 2,
      repeatPoints: 3,
      score: 94,
    });
    expect(ranking.asOf).toBe(addDays(m(1, 1), -1));
  });
});

describe("what the triggers keep for the figures", () => {
  async function expectKeptEqualTheItems() {
    const facts = await itemFacts(t.db);
    expect(facts.stored).toEqual(facts.expected);
    const counts = await tallies(t.db);
    expect(counts.stored).toEqual(counts.counted);
    const dashboard = await getDashboard(t.db, office, {}, NOW);
    const expected = await expectedFigures({});
    expect(dashboard.summary).toEqual(expected.summary);
    expect(dashboard.ageing).toEqual(expected.ageing);
  }

  it("equals the items after reports, returns, extensions, 销号 and cancellations", async () => {
    await expectKeptEqualTheItems();
  });

  it("marks a finding as a repeat when an earlier finding of the pair is closed after it was stored", async () => {
    const later = m(1, 20);
    const built = await buildHistory(t.db, [
      {
        school: "S03",
        inspector: "inspector1",
        on: later,
        findings: [{ name: "later", code: "XF-012", rectification: byDeadline(addDays(later, 5)) }],
      },
      {
        school: "S03",
        inspector: "inspector1",
        on: m(1, 3),
        findings: [
          {
            name: "earlier",
            code: "XF-012",
            rectification: byDeadline(m(1, 12)),
            steps: reportedAndClosed(m(1, 5), m(1, 8)),
          },
        ],
      },
    ]);
    const facts = await itemFacts(t.db);
    const repeatOf = (id: string) => facts.stored.find((f) => f?.itemId === id)?.repeat;
    expect(repeatOf(built.later!.item.id)).toBe(true);
    expect(repeatOf(built.earlier!.item.id)).toBe(false);
    await expectKeptEqualTheItems();
  });

  it("moves a school's counts with it to its new zone", async () => {
    const s07 = await schoolOf(t.db, "S07");
    const [from] = await t.db
      .select({ zoneId: schools.zoneId })
      .from(schools)
      .where(eq(schools.id, s07.id));
    const [to] = await t.db
      .select({ zoneId: zones.id })
      .from(zones)
      .where(and(eq(zones.districtId, s07.districtId), sql`${zones.id} <> ${from!.zoneId}`))
      .limit(1);
    const before = await getDashboard(t.db, office, {}, NOW);
    const moved = await moveSchool(t.db, office, s07.id, to!.zoneId, NOW);
    expect(moved).toMatchObject({ school: { zoneId: to!.zoneId } });
    await expectKeptEqualTheItems();
    const after = await getDashboard(t.db, office, {}, NOW);
    const zoneTotal = (d: typeof before, zone: string) =>
      d.byZone.find((z) => z.key === zone)?.figures.total ?? 0;
    const s07Total = before.bySchool.find((s) => s.key === s07.id)?.figures.total ?? 0;
    expect(zoneTotal(after, to!.zoneId)).toBe(zoneTotal(before, to!.zoneId) + s07Total);
    expect(zoneTotal(after, from!.zoneId!)).toBe(zoneTotal(before, from!.zoneId!) - s07Total);
  });

  it("lists the 20 check items found again most often, each with its count", async () => {
    const before = await getDashboard(t.db, office, {}, NOW);
    // 22 fire items fixed on site at S05 in month −8, all found again in month −7, 21 of them in
    // month −6 and three in month −5: counts 3 (×3), 2 (×18) and 1 (×1).
    const codes = fireCodes.filter((c) => c !== "XF-001" && c !== "XF-012").slice(0, 22);
    const visit = (back: number, found: readonly string[]): PlannedVisit => ({
      school: "S05",
      inspector: "inspector2",
      on: m(back, 5),
      findings: found.map((code) => ({
        name: `${back}-${code}`,
        code,
        rectification: fixedOnSite(),
      })),
    });
    await buildHistory(t.db, [
      visit(8, codes),
      visit(7, codes),
      visit(6, codes.slice(0, 21)),
      visit(5, codes.slice(0, 3)),
    ]);
    const after = await getDashboard(t.db, office, {}, NOW);
    expect(after.repeats.total).toBe(before.repeats.total + 22 + 21 + 3);
    // Only the pairs at the 20th count or more are ranked; the one found again once is not shown.
    expect(after.repeats.top.map((r) => r.count)).toEqual([3, 3, 3, ...Array<number>(17).fill(2)]);
    const s05 = await schoolOf(t.db, "S05");
    for (const r of after.repeats.top) {
      expect(r.schoolId).toBe(s05.id);
      expect(codes.indexOf(r.itemCode)).toBeLessThan(r.count === 3 ? 3 : 21);
    }
    await expectKeptEqualTheItems();
  });
});

describe("another district's office", () => {
  it("sees nothing of this district when it filters by one of its zones or schools", async () => {
    const two = await addSecondDistrictAndCity(t.db);
    const officeB = await domainUser(t.db, "office_b");
    for (const filters of [{ zone: two.zoneA }, { school: two.schoolA }]) {
      const dashboard = await getDashboard(t.db, officeB, filters, NOW);
      expect(dashboard.summary.total).toBe(0);
      expect(dashboard.bySchool).toEqual([]);
      expect(dashboard.repeats.total).toBe(0);
      expect(dashboard.coverage.schools).toBe(0);
    }
    // The city reads both districts: district A's zone as its office does.
    const city = await domainUser(t.db, "city");
    const asCity = await getDashboard(t.db, city, { zone: two.zoneA }, NOW);
    expect(asCity.summary).toEqual(
      (await getDashboard(t.db, office, { zone: two.zoneA }, NOW)).summary,
    );
  });
});
