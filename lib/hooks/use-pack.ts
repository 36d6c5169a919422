"use client";

/**
 * The visit pack on the phone (assigned schools, template versions, open 整改事项) and what is
 * built from it: "my schools" ordered by need, and starting a visit.
 */
import { useCallback } from "react";

import type { Id } from "@/lib/domain/ids";
import {
  type CampaignDue,
  campaignDueVisits,
  type RoutineDue,
  routineDueSchools,
} from "@/lib/domain/plan/due-visits";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { applicableItems } from "@/lib/domain/template/applicability";
import { offeredForNewVisits } from "@/lib/domain/template/offered";
import type { Template } from "@/lib/domain/template/template.schema";
import { rankSchoolsByNeed, type SchoolNeed } from "@/lib/domain/visit/school-need";
import type { ScopeProposals } from "@/lib/domain/visit/scope";
import type { PackCampaign, PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { Visit, VisitStartInput } from "@/lib/domain/visit/visit.schema";
import { systemClock } from "@/lib/utils/clock";

import { ensurePersistentStorage } from "./persistent-storage";
import { announceLocalWrite, openAppData, storageErrorMessage, type AppData } from "./use-app-db";
import { useStoreQuery } from "./use-store-query";

export type MySchools = {
  needs: SchoolNeed[];
  /** 待督导: schools short of this month's 挂牌督导 visits. */
  routineDue: RoutineDue[];
  /** 专项督查 visits still to make. */
  campaignDue: CampaignDue[];
  /** When the server made the pack on the phone; null = never downloaded. */
  packGeneratedAt: number | null;
};

const loadMySchools = async ({ stores }: AppData): Promise<MySchools> => {
  const [schools, visits, openItems, packGeneratedAt, campaigns] = await Promise.all([
    stores.pack.listSchools(),
    stores.visits.list(),
    stores.pack.listOpenItems(),
    stores.meta.getPackGeneratedAt(),
    stores.meta.getCampaigns(),
  ]);
  const now = systemClock.now();
  return {
    needs: rankSchoolsByNeed({ schools, visits, openItems, now }),
    routineDue: routineDueSchools({ schools, visits, now }),
    campaignDue: campaignDueVisits({ campaigns, schools, visits }),
    packGeneratedAt,
  };
};

/** "我的学校": the pack's schools, the one needing a visit most first. */
export function useMySchools() {
  return useStoreQuery(loadMySchools);
}

export type StartOptions = {
  school: PackSchool;
  /** The versions a new visit may pin, one per template; those with items for this school first. */
  templates: { template: Template; applicableCount: number }[];
  openItems: RectificationItem[];
  /** A draft of this school already on the phone: continue it instead. */
  draft: Visit | null;
  /** What each visit kind proposes (the district's 挂牌督导 set from the pack). */
  proposals: ScopeProposals;
  /** The pack's running 专项督查 that still have this school to visit. */
  campaigns: PackCampaign[];
};

/** What the start screen offers for one school; null when the school is not in the pack. */
export function useStartOptions(schoolId: Id | null) {
  const load = useCallback(
    async ({ stores }: AppData): Promise<StartOptions | null> => {
      if (schoolId === null) return null;
      const [school, templates, offeredRefs, openItems, visits, routine, campaigns] =
        await Promise.all([
          stores.pack.getSchool(schoolId),
          stores.pack.listTemplates(),
          stores.meta.getOfferedTemplates(),
          stores.pack.listOpenItems(schoolId),
          stores.visits.listForSchool(schoolId),
          stores.meta.getRoutineTemplates(),
          stores.meta.getCampaigns(),
        ]);
      if (!school) return null;
      const offered = offeredForNewVisits(templates, offeredRefs)
        .map((template) => ({
          template,
          applicableCount: applicableItems(template, school).length,
        }))
        .sort((a, b) => Number(b.applicableCount > 0) - Number(a.applicableCount > 0));
      return {
        school,
        templates: offered,
        openItems,
        draft: visits.find((v) => v.status === "draft") ?? null,
        proposals: { routine, campaign: [] },
        campaigns: campaigns.filter((c) => c.dueSchoolIds.includes(schoolId)),
      };
    },
    [schoolId],
  );
  return useStoreQuery(load);
}

export type StartResult = { ok: true; visitId: Id } | { ok: false; message: string };

/**
 * Starts a draft visit: stored with its `visit.start` mutation in one transaction. The rules and
 * the id generator are loaded when the inspector taps 开始, not with the screens that list schools.
 */
export async function startDraftVisit(input: VisitStartInput): Promise<StartResult> {
  const loaded = await Promise.all([import("@/lib/domain/visit/visit"), import("@/lib/utils/ids")])
    .then(([{ startVisit }, { newId }]) => ({ startVisit, newId }))
    .catch(() => null);
  if (!loaded) return { ok: false, message: "开始检查未能加载，请检查网络后重试" };
  const started = loaded.startVisit(input, loaded.newId, systemClock.now());
  if (!started.ok) return started;
  try {
    const { stores } = await openAppData();
    await stores.visits.saveWithMutation(started.visit, started.mutation);
  } catch (error) {
    return { ok: false, message: storageErrorMessage(error) };
  }
  announceLocalWrite();
  ensurePersistentStorage();
  return { ok: true, visitId: started.visit.id };
}
