import type { Id } from "../ids";
import { monthOf } from "./month";
import type { PackCampaign, PackSchool } from "../visit/visit-pack.schema";
import type { Visit } from "../visit/visit.schema";

/** A school of the inspector's zones still short of this month's 挂牌督导 visits. */
export type RoutineDue = {
  school: PackSchool;
  required: number;
  /** Visits that count: the server's, plus this phone's submitted ones not synced yet. */
  done: number;
  /** A 挂牌督导 draft of this school on the phone, to continue. */
  draftVisitId: Id | null;
};

/** A school a 专项督查 still has to visit. */
export type CampaignDue = {
  campaign: PackCampaign;
  school: PackSchool;
  draftVisitId: Id | null;
};

function draftOf(visits: readonly Visit[], match: (v: Visit) => boolean): Id | null {
  return (
    visits
      .filter((v) => v.status === "draft" && match(v))
      .sort((a, b) => b.startedAt - a.startedAt)[0]?.id ?? null
  );
}

/**
 * 待督导: the pack's schools short of the 挂牌督导 rule in the month of `now`, fewest visits first.
 * A pack from an earlier month knows no visit of this one; a school stored by a pack made before
 * the rule was in it is left out (the next download brings it).
 */
export function routineDueSchools(input: {
  schools: readonly PackSchool[];
  visits: readonly Visit[];
  now: number;
}): RoutineDue[] {
  const month = monthOf(input.now);
  return input.schools
    .flatMap((school): RoutineDue[] => {
      if (!school.routine) return [];
      const counted = new Set(school.routine.month === month ? school.routine.visitIds : []);
      const mine = input.visits.filter((v) => v.schoolId === school.id && v.kind === "routine");
      for (const visit of mine) {
        if (visit.status === "submitted" && monthOf(visit.startedAt) === month)
          counted.add(visit.id);
      }
      if (counted.size >= school.routine.required) return [];
      return [
        {
          school,
          required: school.routine.required,
          done: counted.size,
          draftVisitId: draftOf(mine, () => true),
        },
      ];
    })
    .sort((a, b) => a.done - b.done || a.school.code.localeCompare(b.school.code));
}

/**
 * The 专项督查 visits still to make, by campaign: its due schools in the pack, less those this
 * phone has already submitted a visit for under the campaign.
 */
export function campaignDueVisits(input: {
  campaigns: readonly PackCampaign[];
  schools: readonly PackSchool[];
  visits: readonly Visit[];
}): CampaignDue[] {
  const schools = new Map(input.schools.map((s) => [s.id, s]));
  return input.campaigns.flatMap((campaign) => {
    const ofCampaign = input.visits.filter((v) => v.campaignId === campaign.id);
    return campaign.dueSchoolIds.flatMap((schoolId): CampaignDue[] => {
      const school = schools.get(schoolId);
      const visits = ofCampaign.filter((v) => v.schoolId === schoolId);
      if (!school || visits.some((v) => v.status === "submitted")) return [];
      return [{ campaign, school, draftVisitId: draftOf(visits, () => true) }];
    });
  });
}
