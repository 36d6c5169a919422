/**
 * Rectification history on a county from buildCounty, made through the server's own services: a
 * notice issued for each visit (issueNoticeForVisit) and its items moved on with back-dated actions
 * (applyRectificationAction), so every row and event chain is one the app itself would make. The
 * tests place it on China calendar days counted from the test clock's today (TEST_CLOCK).
 */
import { addDays, chinaDayStart, toChinaDate } from "@/lib/domain/dates";
import type {
  RectificationAction,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import type { Finding } from "@/lib/domain/template/findings.schema";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import type { Executor } from "@/lib/server/db/client";
import { applyRectificationAction } from "@/lib/server/rectification/act";
import { systemClock } from "@/lib/utils/clock";

import {
  aFinding,
  domainUser,
  insertPhotos,
  insertVisit,
  issueTestNotice,
  photoId,
  schoolOf,
} from "../rectification-fixtures";

/** The test clock's today, China calendar. */
export function clockToday(): DateString {
  return toChinaDate(systemClock.now());
}

/** Day `day` of the month `monthsBack` months before `today`'s month. */
export function dayOfMonthBefore(today: DateString, monthsBack: number, day: number): DateString {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsBack;
  const first = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  return addDays(first, day - 1);
}

/** 08:00 China time on `date`, plus `minute` minutes: before the test clock's hour on its day. */
export function onDay(date: DateString, minute = 0): number {
  return chinaDayStart(date) + 8 * 60 * 60_000 + minute * 60_000;
}

type Party = "school" | "inspector" | "office";
export type Step = { on: DateString; by: Party; action: RectificationAction };
export type PlannedFinding = {
  /** How the test refers to the item. */
  name: string;
  code: string;
  rectification: Finding["rectification"];
  steps?: Step[];
};
export type PlannedVisit = {
  school: string;
  /** The visiting inspector's username; "inspector" steps are theirs. */
  inspector: string;
  on: DateString;
  findings: PlannedFinding[];
};
export type BuiltItem = { school: string; inspector: string; item: RectificationItem };

let photoSeed = 1000;

/**
 * Stores each planned visit (submitted) with its notice, then applies the steps in order; throws
 * on any refusal or on a step not strictly before the test clock's now. Returns the items by name.
 */
export async function buildHistory(
  db: Executor,
  plan: readonly PlannedVisit[],
): Promise<Record<string, BuiltItem>> {
  const now = systemClock.now();
  const built: Record<string, BuiltItem> = {};
  for (const visit of plan) {
    const school = await schoolOf(db, visit.school);
    const parties = {
      school: await domainUser(db, `school${visit.school.slice(1)}`),
      inspector: await domainUser(db, visit.inspector),
      office: await domainUser(db, "office"),
    };
    const visitAt = onDay(visit.on);
    if (visit.findings.length === 0) {
      await insertVisit(db, {
        schoolId: school.id,
        districtId: school.districtId,
        inspectorId: parties.inspector.id,
        at: visitAt,
      });
      continue;
    }
    for (const f of visit.findings) {
      const r = f.rectification;
      const taken =
        r.mode === "on_site" ? r.afterPhotoIds : r.mode === "control" ? r.controlPhotoIds : [];
      await insertPhotos(db, taken, parties.inspector.id);
    }
    const { items } = await issueTestNotice(db, {
      schoolCode: visit.school,
      inspector: visit.inspector,
      now: visitAt,
      findings: visit.findings.map((f) => aFinding(f.code, { rectification: f.rectification })),
    });
    visit.findings.forEach((f, i) => {
      built[f.name] = { school: visit.school, inspector: visit.inspector, item: items[i]! };
    });
    for (const f of visit.findings) {
      for (const [minute, step] of (f.steps ?? []).entries()) {
        const at = onDay(step.on, minute);
        if (at >= now) throw new Error(`${f.name} 的 ${step.action.type} 晚于测试时钟`);
        const actor = parties[step.by];
        if (step.action.type === "respond") await insertPhotos(db, step.action.photoIds, actor.id);
        const input = { itemId: built[f.name]!.item.id, action: step.action };
        const result = await applyRectificationAction(db, actor, input, at);
        if (!result.ok)
          throw new Error(`${f.name} 的 ${step.action.type} 被拒绝：${result.message}`);
        built[f.name]!.item = result.item;
      }
    }
  }
  return built;
}

/** A 整改报告 with one fresh photo. */
export function aReport(text = "已按要求整改到位，附整改后照片"): RectificationAction {
  return { type: "respond", text, photoIds: [photoId((photoSeed += 1))] };
}

/** Reported on `reportOn` and closed at the visiting inspector's 复查 on `reviewOn`. */
export function reportedAndClosed(
  reportOn: DateString,
  reviewOn: DateString,
  review = "复查合格",
  report?: string,
): Step[] {
  return [
    { on: reportOn, by: "school", action: aReport(report) },
    { on: reviewOn, by: "inspector", action: { type: "verify_pass", note: review, photoIds: [] } },
  ];
}

/** The office's 撤销 on `on`. */
export function cancelledOn(on: DateString): Step {
  return { on, by: "office", action: { type: "cancel", reason: "经核实系误判" } };
}

/** 限期整改 by `dueDate`. */
export function byDeadline(dueDate: DateString): Finding["rectification"] {
  return { mode: "deadline", dueDate };
}

/** 立行立改 with one after-photo: closed when the notice is issued. */
export function fixedOnSite(): Finding["rectification"] {
  return { mode: "on_site", afterPhotoIds: [photoId((photoSeed += 1))] };
}

/** 先行管控 (stopped now, photographed) and 限期整改 by `dueDate`. */
export function underControl(dueDate: DateString): Finding["rectification"] {
  return { mode: "control", dueDate, controlPhotoIds: [photoId((photoSeed += 1))] };
}

/**
 * Four visits in three zones, three inspectors and seven domains, with items in every state: closed
 * on time and late, 立行立改, pending overdue for months, in progress, returned with a new date two
 * days past, a report awaiting review (on time, and one late), extended, 先行管控 overdue, cancelled,
 * and one not yet due. Nothing falls in the month two months back or in the current month.
 */
export function aCountyHistory(today: DateString): PlannedVisit[] {
  const m = (back: number, day: number) => dayOfMonthBefore(today, back, day);
  return [
    {
      school: "S01",
      inspector: "inspector1",
      on: m(4, 3),
      findings: [
        {
          name: "s01ClosedOnTime",
          code: "XF-001",
          rectification: byDeadline(m(4, 17)),
          steps: reportedAndClosed(m(4, 6), m(4, 9), "复查合格，已明确消防安全责任人"),
        },
        { name: "s01Untouched", code: "BX-003", rectification: byDeadline(m(4, 10)) },
      ],
    },
    {
      school: "S07",
      inspector: "inspector1",
      on: m(3, 2),
      findings: [
        {
          name: "closedOnTime",
          code: "XF-012",
          rectification: byDeadline(m(3, 16)),
          steps: reportedAndClosed(
            m(3, 7),
            m(3, 10),
            "复查合格，灭火器已全部更换",
            "已更换压力不足的灭火器",
          ),
        },
        {
          name: "closedLate",
          code: "XF-024",
          rectification: byDeadline(m(3, 9)),
          steps: reportedAndClosed(m(3, 14), m(3, 15)),
        },
        { name: "ignored", code: "AQ-002", rectification: byDeadline(m(3, 16)) },
        {
          name: "acknowledged",
          code: "AQ-003",
          rectification: byDeadline(m(3, 20)),
          steps: [{ on: m(3, 3), by: "school", action: { type: "acknowledge" } }],
        },
      ],
    },
    {
      school: "S11",
      inspector: "inspector2",
      on: m(1, 1),
      findings: [
        {
          name: "returned",
          code: "XF-012",
          rectification: byDeadline(m(1, 10)),
          steps: [
            { on: m(1, 4), by: "school", action: aReport() },
            {
              on: m(1, 6),
              by: "inspector",
              action: {
                type: "verify_return",
                reason: "整改照片未反映灭火器更换情况",
                dueDate: addDays(today, -2),
              },
            },
          ],
        },
        {
          name: "awaitingReview",
          code: "SF-002",
          rectification: byDeadline(addDays(today, 10)),
          steps: [{ on: m(1, 8), by: "school", action: aReport("已将收费项目报主管部门备案") }],
        },
        { name: "onSite", code: "XF-035", rectification: fixedOnSite() },
        {
          name: "cancelled",
          code: "SJ-002",
          rectification: byDeadline(addDays(today, 20)),
          steps: [cancelledOn(m(1, 2))],
        },
      ],
    },
    {
      school: "S21",
      inspector: "inspector3",
      on: m(1, 3),
      findings: [
        { name: "notDue", code: "XF-012", rectification: byDeadline(addDays(today, 15)) },
        {
          name: "extended",
          code: "SS-003",
          rectification: byDeadline(m(1, 12)),
          steps: [
            {
              on: m(1, 5),
              by: "school",
              action: {
                type: "request_extension",
                requestedDueDate: addDays(today, 25),
                reason: "床位采购需走招标程序",
              },
            },
            {
              on: m(1, 6),
              by: "office",
              action: { type: "approve_extension", comment: "同意延期" },
            },
          ],
        },
        {
          name: "controlled",
          code: "XC-001",
          rectification: underControl(addDays(today, -12)),
        },
        {
          name: "lateReport",
          code: "AQ-004",
          rectification: byDeadline(m(1, 8)),
          steps: [{ on: m(1, 12), by: "school", action: aReport() }],
        },
      ],
    },
  ];
}
