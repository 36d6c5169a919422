import { describe, expect, it } from "vitest";

import { monthAt } from "@/lib/domain/month";
import {
  campaignInputSchema,
  campaignSchoolStatus,
  isCampaignTarget,
} from "@/lib/domain/plan/campaign.schema";
import { campaignDueVisits, routineDueSchools } from "@/lib/domain/plan/due-visits";
import { visitPackSchema } from "@/lib/domain/visit/visit-pack.schema";

import {
  anId,
  aPackSchool,
  aSchool,
  aSubmittedVisit,
  aVisit,
  aVisitPack,
  SCHOOL_ID,
  STARTED_AT,
} from "../../../helpers/builders/visit";

const MONTH = monthAt(STARTED_AT); // 2026-03
const OTHER_ID = anId(77);

describe("isCampaignTarget", () => {
  const target = {
    kind: "attributes" as const,
    zoneIds: [aSchool().zoneId!],
    appliesTo: { stages: ["primary" as const], isBoarding: false },
  };

  it("takes a school of the zones whose attributes match, a 九年一贯制 counting as 小学", () => {
    expect(isCampaignTarget(target, aSchool())).toBe(true);
    expect(isCampaignTarget(target, aSchool({ stage: "nine_year" }))).toBe(true);
  });

  it("leaves out another zone, other attributes and an inactive school", () => {
    expect(isCampaignTarget(target, aSchool({ zoneId: OTHER_ID }))).toBe(false);
    expect(isCampaignTarget(target, aSchool({ zoneId: null }))).toBe(false);
    expect(isCampaignTarget(target, aSchool({ stage: "senior" }))).toBe(false);
    expect(isCampaignTarget(target, aSchool({ isBoarding: true }))).toBe(false);
    expect(isCampaignTarget(target, aSchool({ isActive: false }))).toBe(false);
  });

  it("takes the whole district when no zone is named, and exactly a list when given one", () => {
    expect(isCampaignTarget({ ...target, zoneIds: [] }, aSchool({ zoneId: OTHER_ID }))).toBe(true);
    const list = { kind: "schools" as const, schoolIds: [SCHOOL_ID] };
    expect(isCampaignTarget(list, aSchool())).toBe(true);
    expect(isCampaignTarget(list, aSchool({ id: OTHER_ID }))).toBe(false);
  });
});

describe("campaign input and status", () => {
  it("refuses a window that ends before it starts, in Chinese", () => {
    const parsed = campaignInputSchema.safeParse({
      name: "专项",
      templateCodes: ["fire"],
      target: { kind: "schools", schoolIds: [SCHOOL_ID] },
      startsOn: "2026-03-10",
      endsOn: "2026-03-01",
      inspectorIds: [],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("结束日期不能早于开始日期");
  });

  it("is visited, due within the window, overdue after it and upcoming before it", () => {
    const window = { startsOn: "2026-03-01", endsOn: "2026-03-31" };
    expect(campaignSchoolStatus(window, true, "2026-04-10")).toBe("visited");
    expect(campaignSchoolStatus(window, false, "2026-03-31")).toBe("due");
    expect(campaignSchoolStatus(window, false, "2026-04-01")).toBe("overdue");
    expect(campaignSchoolStatus(window, false, "2026-02-28")).toBe("upcoming");
  });
});

describe("routineDueSchools", () => {
  const routine = (visitIds: string[], month = MONTH) => ({ month, required: 2, visitIds });

  it("lists a school short of the month's visits, adding the phone's own without counting one twice", () => {
    const synced = aSubmittedVisit({ id: anId(1) });
    const unsynced = aSubmittedVisit({ id: anId(2), startedAt: STARTED_AT + 86_400_000 });
    const school = aPackSchool({ routine: routine([synced.id]) });
    expect(
      routineDueSchools({ schools: [school], visits: [synced], now: STARTED_AT })[0],
    ).toMatchObject({ done: 1, required: 2 });
    expect(
      routineDueSchools({ schools: [school], visits: [synced, unsynced], now: STARTED_AT }),
    ).toEqual([]);
  });

  it("counts no visit of an earlier month's pack, nor drafts or other kinds, and offers the draft", () => {
    const draft = aVisit({ id: anId(3) });
    const campaign = aSubmittedVisit({ id: anId(4), kind: "campaign" });
    const school = aPackSchool({ routine: routine([anId(9)], "2026-02") });
    expect(
      routineDueSchools({ schools: [school], visits: [draft, campaign], now: STARTED_AT }),
    ).toMatchObject([{ done: 0, draftVisitId: draft.id }]);
  });

  it("leaves out a school stored by a pack made before the rule was in it", () => {
    expect(routineDueSchools({ schools: [aPackSchool()], visits: [], now: STARTED_AT })).toEqual(
      [],
    );
  });
});

describe("campaignDueVisits", () => {
  const campaign = {
    id: anId(50),
    name: "食品安全专项",
    templateCodes: ["food-safety"],
    startsOn: "2026-03-01",
    endsOn: "2026-03-31",
    dueSchoolIds: [SCHOOL_ID, OTHER_ID],
  };

  it("lists the campaign's due schools in the pack until the phone submits a visit for it", () => {
    const schools = [aPackSchool()];
    expect(campaignDueVisits({ campaigns: [campaign], schools, visits: [] })).toMatchObject([
      { school: { id: SCHOOL_ID }, draftVisitId: null },
    ]);
    const draft = aVisit({ id: anId(5), kind: "campaign", campaignId: campaign.id });
    expect(campaignDueVisits({ campaigns: [campaign], schools, visits: [draft] })).toMatchObject([
      { draftVisitId: draft.id },
    ]);
    const done = aSubmittedVisit({ kind: "campaign", campaignId: campaign.id });
    expect(campaignDueVisits({ campaigns: [campaign], schools, visits: [done] })).toEqual([]);
  });
});

describe("visitPackSchema", () => {
  it("reads a pack made before campaigns and the rule were in it", () => {
    const { campaigns: _omitted, ...old } = aVisitPack();
    const parsed = visitPackSchema.parse(old);
    expect(parsed.campaigns).toEqual([]);
    expect(parsed.schools[0]?.routine).toBeUndefined();
  });
});
