/**
 * The dashboard's SQL figures against an independent count: every item row loaded plainly and
 * judged in JS with the domain's own rules (daysOverdue, closure), for each filter combination the
 * dashboard offers; and a fixture with known answers, including the fair-deadline cases.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DashboardFilters } from "@/lib/domain/analytics/filters";
import { chinaDayStart, daysBetween, toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import { daysOverdue } from "@/lib/domain/rectification/transition";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { getMonthlyRanking } from "@/lib/server/analytics/ranking";
import { rectificationItems, schools, templates, visits } from "@/lib/server/db/schema";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { ledgerQuerySchema, listItemPage } from "@/lib/server/rectification/item-query";
import { rowToItem } from "@/lib/server/rectification/item-repository";
import { seedDemo } from "@/lib/server/seed/seed";

import {
  aFinding,
  domainUser,
  insertPhotos,
  issueTestNotice,
  photoId,
  schoolOf,
} from "../../helpers/rectification-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

const at = (date: string) => Date.parse(`${date}T02:00:00Z`);
const NOW = at("2031-05-01");
const TODAY = "2031-05-01";

let t: TestDatabase;
let office: User;
let school01: User;
let inspector1: User;
/** The fixture's three items at S01, found 2031-03-02. */
let fixture: { onTime: string; late: string; closed: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  office = await domainUser(t.db, "office");
  school01 = await domainUser(t.db, "school01");
  inspector1 = await domainUser(t.db, "inspector1");
  await insertPhotos(t.db, [1, 2].map(photoId), school01.id);
  const { items } = await issueTestNotice(t.db, {
    schoolCode: "S01",
    inspector: "inspector1",
    now: at("2031-03-02"),
    findings: [
      aFinding("XF-012", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
      aFinding("XF-024", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
      aFinding("XF-001", { rectification: { mode: "deadline", dueDate: "2031-03-20" } }),
    ],
  });
  const [onTime, late, closed] = items.map((i) => i.id) as [string, string, string];
  fixture = { onTime, late, closed };
  const act = (
    user: User,
    itemId: string,
    action: Parameters<typeof applyRectificationAction>[2]["action"],
    day: string,
  ) =>
    applyRectificationAction(t.db, user, { itemId, action }, at(day)).then((r) => {
      if (!r.ok) throw new Error(r.message);
    });
  // Reported on time (2031-03-10) and never reviewed: not overdue on 2031-05-01.
  await act(
    school01,
    onTime,
    { type: "respond", text: "已更换压力不足的灭火器", photoIds: [photoId(1)] },
    "2031-03-10",
  );
  // Reported and closed 10 days after the finding.
  await act(
    school01,
    closed,
    { type: "respond", text: "已整改到位并张贴检查卡", photoIds: [photoId(2)] },
    "2031-03-08",
  );
  await act(
    inspector1,
    closed,
    { type: "verify_pass", note: "复查合格", photoIds: [] },
    "2031-03-12",
  );
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
    ["a date range", () => ({ from: "2031-01-01", to: "2031-12-31" })],
    [
      "a zone, a domain and a date range",
      () => ({ zone, domain: "fire", from: "2031-03-01", to: "2031-03-31" }),
    ],
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
    const month = "2031-03";
    const withMonth = await getDashboard(t.db, office, { ...filters, month }, NOW);
    if (!filters.inspector)
      expect(withMonth.coverage).toEqual(await expectedCoverage(filters, month));
  });
});

describe("the fixture with known answers", () => {
  it("counts the on-time report awaiting review as not overdue, the ignored one as overdue", async () => {
    const dashboard = await getDashboard(
      t.db,
      office,
      { from: "2031-01-01", to: "2031-12-31" },
      NOW,
    );
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
    // Due 2031-03-20, still untouched on 2031-05-01: 42 days late.
    expect(dashboard.ageing).toEqual({ d1to7: 0, d8to30: 0, d31to90: 1, over90: 0 });
    expect(dashboard.trend.find((m) => m.month === "2031-03")).toEqual({
      month: "2031-03",
      found: 3,
      closed: 1,
    });
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
    // The fixture's March findings already repeat what the demo history closed at S01 earlier.
    const before = await getDashboard(t.db, office, { from: "2031-01-01" }, NOW);
    await issueTestNotice(t.db, {
      schoolCode: "S01",
      inspector: "inspector1",
      now: at("2031-04-02"),
      findings: [
        aFinding("XF-001", { rectification: { mode: "deadline", dueDate: "2031-04-20" } }),
      ],
    });
    const after = await getDashboard(t.db, office, { from: "2031-01-01" }, NOW);
    expect(after.repeats.total).toBe(before.repeats.total + 1);
    expect(after.repeats.top).toContainEqual(
      expect.objectContaining({
        schoolId: (await schoolOf(t.db, "S01")).id,
        itemCode: "XF-001",
      }),
    );
  });

  it("ranks S01 in April 2031 by the documented formula", async () => {
    const ranking = await getMonthlyRanking(t.db, office, "2031-04", NOW);
    const s01Id = (await schoolOf(t.db, "S01")).id;
    const s01 = ranking.schools.find((s) => s.schoolId === s01Id);
    // Only S01 was visited in April 2031: one finding (XF-001), late (due 04-20, open on 04-30), a repeat.
    const ranked = ranking.schools.filter((s) => s.rank !== null);
    expect(ranked).toHaveLength(1);
    expect(s01).toMatchObject({ rank: 1, late: 1, repeats: 1 });
    const points = s01!.findingPoints;
    expect(s01!.score).toBe(100 - points - 2 - 3);
    expect(ranking.asOf).toBe("2031-04-30");
  });
});
