import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chinaDayStart } from "@/lib/domain/dates";
import { orgScopeFor, readableDistrictIds } from "@/lib/domain/org/org-scope";
import type { User } from "@/lib/domain/org/org.schema";
import { isCampaignTarget } from "@/lib/domain/plan/campaign.schema";
import { startVisit } from "@/lib/domain/visit/visit";
import { visitListQuerySchema } from "@/lib/domain/visit/visit-list.schema";
import type { VisitKind } from "@/lib/domain/visit/visit.schema";
import { orgScopeOf } from "@/lib/server/auth/scope";
import { schools, visits, zoneInspectors } from "@/lib/server/db/schema";
import {
  campaignDetail,
  campaignVisitRefusal,
  createCampaign,
  listCampaigns,
} from "@/lib/server/plans/campaigns";
import { issueNoticeForVisit } from "@/lib/server/rectification/issue-notice";
import { districtRepository } from "@/lib/server/repositories/org/district-repository";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";
import { coverageSummary, schoolCoverage } from "@/lib/server/repositories/visits/coverage-query";
import { listVisits } from "@/lib/server/repositories/visits/visit-list-query";
import { DEMO_PASSWORD } from "@/lib/server/seed/demo-data";
import { buildVisitPack } from "@/lib/server/sync/build-pack";
import { newId } from "@/lib/utils/ids";

import { GET as getVisits } from "@/app/api/office/visits/route";

import { authedRequest, signInAs, TEST_PASSWORD } from "../../helpers/auth";
import { buildCounty } from "../../helpers/builders/county";
import {
  addInspectorB,
  addSecondDistrictAndCity,
  type TwoDistricts,
} from "../../helpers/org-fixtures";
import { aFinding, domainUser, schoolOf } from "../../helpers/rectification-fixtures";
import { pushAs } from "../../helpers/sync-fixtures";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-db";

let t: TestDatabase;
let two: TwoDistricts;
let office: User;
let city: User;
let inspector1: User;
let inspector3: User;

/** The fixture month: far from the demo's history, so only the visits below fall in it. */
const MONTH = "2030-05";
const at = (date: string, time = "10:00") => Date.parse(`${date}T${time}:00+08:00`);

async function addVisit(v: {
  school: string;
  inspector: User;
  at: number;
  kind?: VisitKind;
  status?: "draft" | "submitted";
  campaignId?: string;
}): Promise<string> {
  const [school] = await t.db.select().from(schools).where(eq(schools.id, v.school));
  const id = newId();
  const submitted = (v.status ?? "submitted") === "submitted";
  await t.db.insert(visits).values({
    id,
    districtId: school!.districtId,
    schoolId: v.school,
    inspectorId: v.inspector.id,
    kind: v.kind ?? "routine",
    campaignId: v.campaignId ?? null,
    templates: [{ code: "fire", version: 1 }],
    startedAt: new Date(v.at),
    endedAt: new Date(v.at + 90 * 60_000),
    location: null,
    summary: "",
    signatures: { inspector: null, school: null },
    status: submitted ? "submitted" : "draft",
    submittedAt: submitted ? new Date(v.at + 90 * 60_000) : null,
    updatedAt: new Date(v.at),
  });
  return id;
}

/** A school of the zone that `inspector` looks after (by code order). */
async function schoolsOf(inspector: User): Promise<string[]> {
  const rows = await t.db
    .select({ id: schools.id })
    .from(schools)
    .innerJoin(zoneInspectors, eq(zoneInspectors.zoneId, schools.zoneId))
    .where(and(eq(zoneInspectors.userId, inspector.id), eq(schools.isActive, true)))
    .orderBy(schools.code);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildCounty(t.db);
  two = await addSecondDistrictAndCity(t.db);
  office = await domainUser(t.db, "office");
  city = await domainUser(t.db, "city");
  inspector1 = await domainUser(t.db, "inspector1");
  inspector3 = await domainUser(t.db, "inspector3");
  const [a1, a2, a3, a4] = await schoolsOf(inspector1);
  const [c1] = await schoolsOf(inspector3);
  // Counted: a1 twice (once on the month's last evening), a2 once.
  await addVisit({ school: a1!, inspector: inspector1, at: at("2030-05-03") });
  await addVisit({ school: a1!, inspector: inspector1, at: at("2030-05-31", "23:30") });
  await addVisit({ school: a2!, inspector: inspector1, at: at("2030-05-12") });
  // Not counted: outside the month (China time), by an inspector of another zone, a 专项督查, a draft.
  await addVisit({ school: a3!, inspector: inspector1, at: at("2030-04-30", "23:59") });
  await addVisit({ school: a3!, inspector: inspector1, at: at("2030-06-01", "00:10") });
  await addVisit({ school: a3!, inspector: inspector3, at: at("2030-05-05") });
  await addVisit({ school: a4!, inspector: inspector1, at: at("2030-05-06"), kind: "campaign" });
  await addVisit({ school: a4!, inspector: inspector1, at: at("2030-05-07"), status: "draft" });
  await addVisit({ school: c1!, inspector: inspector3, at: at("2030-05-20") });
  // District B: one visit, which the office of district A must never see.
  const inspectorB = await addInspectorB(t.db, two);
  await addVisit({ school: two.schoolB, inspector: inspectorB, at: at("2030-05-08") });
});
afterAll(() => t.drop());

/** The same figures counted another way: month by its China-time text, zone membership by EXISTS. */
async function independentCounts(districtId: string): Promise<Map<string, number>> {
  const rows = await t.db.execute<{ id: string; n: number }>(sql`
    select s.id, (select count(*)::int from visits v
      where v.school_id = s.id and v.status = 'submitted' and v.kind = 'routine'
        and to_char(v.started_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${MONTH}
        and exists (select 1 from zone_inspectors zi where zi.zone_id = s.zone_id and zi.user_id = v.inspector_id)
    ) as n
    from schools s where s.district_id = ${districtId} and s.is_active`);
  return new Map(rows.rows.map((r) => [r.id, r.n]));
}

describe("coverage of the 挂牌督导 rule", () => {
  it.each([1, 2])(
    "equals an independent SQL count per school, zone and inspector at %i visit(s) a month",
    async (visitsPerMonth) => {
      await districtRepository.setVisitRule(t.db, two.districtA, { visitsPerMonth });
      const expected = await independentCounts(two.districtA);
      const page = await schoolCoverage(t.db, [two.districtA], { month: MONTH, limit: 1000 });
      expect(page.schools).toHaveLength(expected.size);
      for (const row of page.schools) {
        expect(row.visits).toBe(expected.get(row.schoolId));
        expect(row.isCovered).toBe(expected.get(row.schoolId)! >= visitsPerMonth);
      }
      const covered = [...expected.values()].filter((n) => n >= visitsPerMonth).length;
      const summary = await coverageSummary(t.db, [two.districtA], MONTH);
      expect(summary.totals).toEqual({
        schools: expected.size,
        covered,
        visits: [...expected.values()].reduce((a, b) => a + b, 0),
      });
      expect(summary.totals.visits).toBe(4);
      expect(covered).toBe(visitsPerMonth === 1 ? 3 : 1);

      // By zone: each zone's schools and covered schools, counted from the per-school figures.
      const zoneOf = new Map(
        (await t.db.select({ id: schools.id, zoneId: schools.zoneId }).from(schools)).map((s) => [
          s.id,
          s.zoneId,
        ]),
      );
      for (const zone of summary.zones) {
        const ids = [...expected.keys()].filter((id) => zoneOf.get(id) === zone.zoneId);
        expect(zone.schools).toBe(ids.length);
        expect(zone.covered).toBe(ids.filter((id) => expected.get(id)! >= visitsPerMonth).length);
      }
      // By inspector: inspector1's zone, and the visits they made themselves.
      const mine = await schoolsOf(inspector1);
      const row = summary.inspectors.find((i) => i.inspectorId === inspector1.id)!;
      expect(row.schools).toBe(mine.length);
      expect(row.covered).toBe(mine.filter((id) => expected.get(id)! >= visitsPerMonth).length);
      expect(row.ownVisits).toBe(3);

      const missing = await schoolCoverage(t.db, [two.districtA], {
        month: MONTH,
        onlyMissing: true,
        limit: 1000,
      });
      expect(missing.schools).toHaveLength(expected.size - covered);
    },
  );

  it("pages schools by code without repeating one", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await schoolCoverage(t.db, [two.districtA], { month: MONTH, after, limit: 7 });
      seen.push(...page.schools.map((s) => s.schoolId));
      after = page.next ?? undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await independentCounts(two.districtA)).size);
  });

  it("puts each school's counted visits of the month into the inspector's pack", async () => {
    await districtRepository.setVisitRule(t.db, two.districtA, { visitsPerMonth: 2 });
    const pack = await buildVisitPack(t.db, inspector1, at("2030-05-31", "23:45"));
    const [a1, a2, a3] = await schoolsOf(inspector1);
    const routine = (id: string) => pack.schools.find((s) => s.id === id)?.routine;
    expect(routine(a1!)).toMatchObject({ month: MONTH, required: 2 });
    expect(routine(a1!)!.visitIds).toHaveLength(2);
    expect(routine(a2!)!.visitIds).toHaveLength(1);
    expect(routine(a3!)!.visitIds).toHaveLength(0);
  });
});

describe("专项督查 campaigns", () => {
  it("targets the zone's schools whose attributes match, as the domain rule decides", async () => {
    const scope = await orgScopeOf(t.db, office);
    const created = await createCampaign(
      t.db,
      office,
      scope,
      {
        name: "小学消防专项",
        templateCodes: ["fire"],
        target: { kind: "attributes", zoneIds: [two.zoneA], appliesTo: { stages: ["primary"] } },
        startsOn: "2030-05-01",
        endsOn: "2030-05-31",
        inspectorIds: [],
      },
      at("2030-05-01"),
    );
    if (!created.ok) throw new Error(created.message);
    const district = await schoolRepository.listActiveByDistrict(t.db, two.districtA);
    const expected = district
      .filter((s) => s.zoneId === two.zoneA && ["primary", "nine_year"].includes(s.stage))
      .map((s) => s.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(district.filter((s) => isCampaignTarget(created.value.campaign.target, s)).length).toBe(
      expected.length,
    );
    const detail = await campaignDetail(t.db, scope, created.value.campaign.id, "2030-05-10");
    expect(detail!.schools.map((s) => s.schoolId).sort()).toEqual(expected);
    expect(detail!.progress).toMatchObject({
      targets: expected.length,
      visited: 0,
      due: expected.length,
      overdue: 0,
    });
  });

  it("refuses a school of another district, an unknown checklist and a read-only city", async () => {
    const scope = await orgScopeOf(t.db, office);
    const base = {
      name: "名单专项",
      templateCodes: ["fire"],
      target: { kind: "schools" as const, schoolIds: [two.schoolB] },
      startsOn: "2030-05-01",
      endsOn: "2030-05-31",
      inspectorIds: [],
    };
    const other = await createCampaign(t.db, office, scope, base, at("2030-05-01"));
    expect(other).toMatchObject({ ok: false, code: "invalid_input" });
    const unknown = await createCampaign(
      t.db,
      office,
      scope,
      {
        ...base,
        templateCodes: ["no-such"],
        target: { kind: "schools", schoolIds: [two.schoolA] },
      },
      at("2030-05-01"),
    );
    expect(unknown).toMatchObject({ ok: false, code: "invalid_input" });
    const byCity = await createCampaign(
      t.db,
      { ...city, districtId: two.districtA },
      await orgScopeOf(t.db, city),
      { ...base, target: { kind: "schools", schoolIds: [two.schoolA] } },
      at("2030-05-01"),
    );
    expect(byCity).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("counts visited, due, overdue and findings; the pack lists only what is still due", async () => {
    const scope = await orgScopeOf(t.db, office);
    const [a1, a2, a3] = await schoolsOf(inspector1);
    const created = await createCampaign(
      t.db,
      office,
      scope,
      {
        name: "食堂专项",
        templateCodes: ["fire"],
        target: { kind: "schools", schoolIds: [a1!, a2!, a3!] },
        startsOn: "2030-05-01",
        endsOn: "2030-05-20",
        inspectorIds: [inspector1.id],
      },
      at("2030-05-01"),
    );
    if (!created.ok) throw new Error(created.message);
    const campaignId = created.value.campaign.id;
    const visitId = await addVisit({
      school: a1!,
      inspector: inspector1,
      at: at("2030-05-10"),
      kind: "campaign",
      campaignId,
    });
    const school = await schoolOf(t.db, (await schoolRepository.findById(t.db, a1!))!.code);
    const issued = await t.db.transaction((tx) =>
      issueNoticeForVisit(tx, {
        visitId,
        districtId: school.districtId,
        schoolId: a1!,
        findings: [aFinding("XF-012")],
        issuedBy: inspector1.id,
        now: at("2030-05-10", "12:00"),
      }),
    );
    expect(issued.ok).toBe(true);

    const during = await campaignDetail(t.db, scope, campaignId, "2030-05-15");
    expect(during!.progress).toMatchObject({
      targets: 3,
      visited: 1,
      due: 2,
      overdue: 0,
      findings: 1,
    });
    expect(during!.schools.find((s) => s.schoolId === a1)).toMatchObject({
      status: "visited",
      visitId,
      findings: 1,
    });
    const after = (await listCampaigns(t.db, scope, "2030-05-21")).find(
      (c) => c.campaign.id === campaignId,
    );
    expect(after).toMatchObject({ visited: 1, due: 0, overdue: 2 });

    const pack = await buildVisitPack(t.db, inspector1, at("2030-05-15"));
    const inPack = pack.campaigns.find((c) => c.id === campaignId);
    expect(inPack).toMatchObject({ templateCodes: ["fire"], endsOn: "2030-05-20" });
    expect(inPack!.dueSchoolIds.sort()).toEqual([a2!, a3!].sort());
    // Not named in it, inspector3 does not get it; after the window nobody does.
    expect(
      (await buildVisitPack(t.db, inspector3, at("2030-05-15"))).campaigns.map((c) => c.id),
    ).not.toContain(campaignId);
    expect(
      (await buildVisitPack(t.db, inspector1, at("2030-05-21"))).campaigns.map((c) => c.id),
    ).not.toContain(campaignId);

    expect(
      await campaignVisitRefusal(
        t.db,
        { kind: "campaign", campaignId, schoolId: a2! },
        two.districtA,
      ),
    ).toBeNull();
    expect(
      await campaignVisitRefusal(
        t.db,
        { kind: "routine", campaignId, schoolId: a2! },
        two.districtA,
      ),
    ).toMatchObject({ message: "只有专项督查可以关联专项" });
    expect(
      await campaignVisitRefusal(
        t.db,
        { kind: "campaign", campaignId, schoolId: two.schoolB },
        two.districtB,
      ),
    ).toMatchObject({ message: "该学校不在此专项督查范围内" });
  });
});

describe("a 专项督查 visit pushed from the phone", () => {
  it("records the campaign on a target school's visit and refuses it elsewhere", async () => {
    const [a1, a2] = await schoolsOf(inspector1);
    const created = await createCampaign(
      t.db,
      office,
      await orgScopeOf(t.db, office),
      {
        name: "推送专项",
        templateCodes: ["fire"],
        target: { kind: "schools", schoolIds: [a1!] },
        startsOn: "2030-05-01",
        endsOn: "2030-05-31",
        inspectorIds: [],
      },
      at("2030-05-01"),
    );
    if (!created.ok) throw new Error(created.message);
    const cookie = await signInAs("inspector1", DEMO_PASSWORD);
    const start = (schoolId: string) => {
      const started = startVisit(
        {
          schoolId,
          inspectorId: inspector1.id,
          kind: "campaign",
          campaignId: created.value.campaign.id,
          templates: [{ code: "fire", version: 1 }],
          startedAt: Date.now(),
          location: null,
        },
        newId,
        Date.now(),
      );
      if (!started.ok) throw new Error(started.message);
      return started;
    };
    const onTarget = start(a1!);
    const elsewhere = start(a2!);
    const pushed = await pushAs(cookie, [onTarget.mutation, elsewhere.mutation]);
    expect(pushed.body).toEqual({
      results: [
        { id: onTarget.mutation.id, status: "applied" },
        {
          id: elsewhere.mutation.id,
          status: "rejected",
          refusal: { code: "not_found", message: "该学校不在此专项督查范围内" },
        },
      ],
    });
    const [row] = await t.db.select().from(visits).where(eq(visits.id, onTarget.visit.id));
    expect(row?.campaignId).toBe(created.value.campaign.id);
  });
});

describe("the office's visit list", () => {
  const query = (q: Record<string, string>) => visitListQuerySchema.parse(q);

  it("shows the office its own district only, and the city both", async () => {
    const own = readableDistrictIds(await orgScopeOf(t.db, office));
    const fromA = await listVisits(t.db, own, query({ from: "2030-05-01", to: "2030-05-31" }));
    expect(fromA.visits.length).toBeGreaterThan(0);
    expect(fromA.visits.some((v) => v.schoolId === two.schoolB)).toBe(false);
    const cityScope = readableDistrictIds(orgScopeFor(city, [two.districtA, two.districtB]));
    const fromCity = await listVisits(
      t.db,
      cityScope,
      query({ from: "2030-05-01", to: "2030-05-31" }),
    );
    expect(fromCity.visits.some((v) => v.schoolId === two.schoolB)).toBe(true);
    expect(fromCity.visits.length).toBe(fromA.visits.length + 1);

    const officeB = await signInAs("office_b", TEST_PASSWORD);
    const response = await getVisits(authedRequest("/api/office/visits?from=2030-05-01", officeB));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { visits: { schoolId: string }[] };
    expect(body.visits.map((v) => v.schoolId)).toEqual([two.schoolB]);
    const officeA = await signInAs("office", DEMO_PASSWORD);
    const bad = await getVisits(authedRequest("/api/office/visits?kind=picnic", officeA));
    expect(bad.status).toBe(422);
  });

  it("filters by kind, inspector, zone, date (China days) and findings", async () => {
    const own = readableDistrictIds(await orgScopeOf(t.db, office));
    const may = { from: "2030-05-01", to: "2030-05-31" };
    const list = async (q: Record<string, string>) =>
      (await listVisits(t.db, own, query({ ...may, ...q }))).visits;
    expect((await list({ kind: "campaign" })).every((v) => v.kind === "campaign")).toBe(true);
    expect((await list({ inspectorId: inspector3.id })).map((v) => v.inspectorName)).toEqual([
      "张志强",
      "张志强",
    ]);
    expect((await list({ zoneId: two.zoneA })).length).toBeGreaterThan(0);
    // 2030-05-31 23:30 in China is still May; 2030-06-01 00:10 is not.
    const lastDay = await list({ from: "2030-05-31" });
    expect(lastDay.map((v) => v.startedAt)).toEqual([at("2030-05-31", "23:30")]);
    const withFindings = await list({ findings: "yes" });
    expect(withFindings.map((v) => v.findings)).toEqual([1]);
    expect((await list({ findings: "no" })).every((v) => v.findings === 0)).toBe(true);
  });

  it("pages with a keyset cursor, newest first, without repeating a visit", async () => {
    const own = readableDistrictIds(await orgScopeOf(t.db, office));
    const all = await listVisits(t.db, own, query({ limit: "200" }));
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listVisits(t.db, own, query({ limit: "3", ...(after ? { after } : {}) }));
      seen.push(...page.visits.map((v) => v.id));
      after = page.next ?? undefined;
    } while (after && seen.length < 400);
    expect(seen.slice(0, all.visits.length)).toEqual(all.visits.map((v) => v.id));
    expect(new Set(seen).size).toBe(seen.length);
    const starts = all.visits.map((v) => v.startedAt);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(chinaDayStart("2030-05-01")).toBe(at("2030-05-01", "00:00"));
  });
});
