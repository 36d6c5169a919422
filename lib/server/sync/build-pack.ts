/**
 * The visit pack an inspector downloads before going out (GET /api/inspect/pack): their schools with
 * attributes and the last visit's results, the template versions they may pin or have pinned, and
 * the schools' open 整改事项, each school's 挂牌督导 visits of the month against the district's rule,
 * and the running 专项督查 with the schools still to visit for them. Only that inspector's scope, read from one snapshot.
 */
import "server-only";

import { toChinaDate } from "@/lib/domain/dates";
import { monthAt } from "@/lib/domain/month";
import type { School, User } from "@/lib/domain/org/org.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { isOverdue } from "@/lib/domain/rectification/transition";
import { applicableItems } from "@/lib/domain/template/applicability";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import { scoreVisit } from "@/lib/domain/template/scoring";
import type { Template } from "@/lib/domain/template/template.schema";
import type { LastVisitSummary, VisitPack } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";

import { loadTemplates } from "./pinned-templates";
import { scopedSchoolIds } from "../auth/scope";
import type { Db } from "../db/client";
import { packCampaigns } from "../plans/campaigns";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { itemRepository } from "../repositories/rectification/item-repository";
import { templateRepository } from "../repositories/template-repository";
import { routineStatusOf } from "../repositories/visits/coverage-query";
import { visitRepository } from "../repositories/visits/visit-repository";

/** The pack for `user` (an inspector) at `now`. */
export async function buildVisitPack(db: Db, user: User, now: number): Promise<VisitPack> {
  return db.transaction(
    async (tx) => {
      // A deactivated school leaves the pack (no new visits); drafts already on the phone still sync.
      const schools = (
        await schoolRepository.listByIds(tx, await scopedSchoolIds(tx, user))
      ).filter((s) => s.isActive);
      const schoolIds = schools.map((s) => s.id);
      const openItems = await itemRepository.listOpenOfSchools(tx, schoolIds);
      const lastVisits = await visitRepository.latestSubmitted(tx, schoolIds);
      const answers = await visitRepository.listAnswers(
        tx,
        lastVisits.map((v) => v.id),
      );
      const offered = user.districtId
        ? await templateRepository.listOffered(tx, user.districtId)
        : [];
      // Older versions: those the inspector's drafts pin, and those the last visits were scored on.
      const pinnedByDrafts = await loadTemplates(
        tx,
        await visitRepository.pinnedByDrafts(tx, user.id),
      );
      const scoredOn = await loadTemplates(
        tx,
        lastVisits.flatMap((v) => v.templates),
      );

      const districtNames = await districtRepository.names(tx);
      const today = toChinaDate(now);
      const month = monthAt(now);
      const routine = await routineStatusOf(tx, schoolIds, month);
      const lastVisitBySchool = new Map(lastVisits.map((v) => [v.schoolId, v]));
      return {
        schools: schools.map((school) => {
          const visit = lastVisitBySchool.get(school.id);
          const status = routine.get(school.id);
          return {
            ...school,
            ...(status ? { routine: { month, ...status } } : {}),
            districtName: districtNames.get(school.districtId) ?? "",
            lastVisit: visit
              ? summarizeLastVisit(
                  visit,
                  school,
                  answers.filter((a) => a.visitId === visit.id),
                  [...offered, ...scoredOn],
                  openItems.filter((item) => item.schoolId === school.id),
                  today,
                )
              : null,
          };
        }),
        templates: uniqueVersions([...offered, ...pinnedByDrafts]),
        offered: offered.map(({ code, version }) => ({ code, version })),
        openItems,
        deadlinePolicy: user.districtId
          ? await districtRepository.getDeadlinePolicy(tx, user.districtId)
          : DEFAULT_DEADLINE_POLICY,
        routineTemplates: user.districtId
          ? await districtRepository.getRoutineTemplates(tx, user.districtId)
          : [],
        campaigns: await packCampaigns(tx, user, schoolIds, today),
        generatedAt: now,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/**
 * The last visit's date and score (all its pinned templates together, over the items that apply
 * to the school), with the school's open and overdue items today.
 */
function summarizeLastVisit(
  visit: Visit,
  school: School,
  answers: readonly VisitAnswer[],
  templates: readonly Template[],
  openItems: readonly RectificationItem[],
  today: string,
): LastVisitSummary {
  let earned = 0;
  let possible = 0;
  for (const ref of visit.templates) {
    const template = templates.find((t) => t.code === ref.code && t.version === ref.version);
    if (!template) continue;
    const score = scoreVisit(
      applicableItems(template, school),
      answers.filter((a) => a.templateCode === template.code),
    );
    earned += score.earned;
    possible += score.possible;
  }
  return {
    visitId: visit.id,
    date: toChinaDate(visit.startedAt),
    // Weighted over every template, rounded to one decimal as scoreVisit rounds one template.
    score: possible === 0 ? null : Math.round((earned / possible) * 1000) / 10,
    openItems: openItems.length,
    overdueItems: openItems.filter((item) => isOverdue(item, today)).length,
  };
}

function uniqueVersions(templates: readonly Template[]): Template[] {
  const byKey = new Map(templates.map((t) => [`${t.code}@${t.version}`, t]));
  return [...byKey.values()];
}
