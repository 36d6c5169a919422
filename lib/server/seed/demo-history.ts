/**
 * A few months of rectification history for the demo district, so that every screen has something
 * real on first start: visits' findings turned into notices and items through the same service the
 * sync push uses, then moved through every state with back-dated actions — the event chains are real.
 */
import "server-only";

import { v7 as uuidv7 } from "uuid";

import { addDays, toChinaDate } from "@/lib/domain/dates";
import { type SchoolAttributes, type User, userSchema } from "@/lib/domain/org/org.schema";
import type {
  RectificationAction,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { explainApplicability } from "@/lib/domain/template/applicability";
import { deriveFindings } from "@/lib/domain/template/findings";
import type { Template } from "@/lib/domain/template/template.schema";
import { setAnswer, startVisit, submitVisit } from "@/lib/domain/visit/visit";
import type { PhotoPurpose, VisitAnswer, VisitKind } from "@/lib/domain/visit/visit.schema";

import {
  DEMO_DISTRICT,
  DEMO_INSPECTORS,
  DEMO_OFFICE,
  DEMO_SCHOOLS,
  schoolUsername,
} from "./demo-data";
import { demoPhoto } from "./demo-photos";
import type { BlobStore } from "../blobs/blob-store";
import { lockChangeSeq } from "../db/change-seq";
import type { Executor } from "../db/client";
import { applyRectificationAction } from "../rectification/act";
import { issueNoticeForVisit } from "../rectification/issue-notice";
import { markNoticeRead } from "../rectification/queries";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { photoRepository } from "../repositories/photo-repository";
import { templateRepository } from "../repositories/template-repository";
import { visitRepository } from "../repositories/visits/visit-repository";

const DAY = 24 * 60 * 60 * 1000;

type Party = "school" | "inspector" | "office";
/** An action `day` days after the visit. `respond` and `verify_pass` get demo photos attached. */
type Step = { day: number; by: Party; action: DemoAction };
type DemoAction =
  | Exclude<RectificationAction, { type: "respond" | "verify_pass" | "request_extension" }>
  | { type: "respond"; text: string }
  | { type: "verify_pass"; note: string }
  | { type: "request_extension"; days: number; reason: string };
type DemoFinding = { code: string; note: string; fixedOnSite?: boolean; steps?: Step[] };
type DemoVisit = {
  school: string;
  kind: VisitKind;
  daysAgo: number;
  templates: string[];
  findings: DemoFinding[];
  readAfterDays?: number;
};

const ack = (day: number): Step => ({ day, by: "school", action: { type: "acknowledge" } });
const respond = (day: number, text: string): Step => ({
  day,
  by: "school",
  action: { type: "respond", text },
});
const pass = (
  day: number,
  by: "inspector" | "office" = "inspector",
  note = "复查合格，同意销号",
): Step => ({
  day,
  by,
  action: { type: "verify_pass", note },
});
const sendBack = (day: number, reason: string): Step => ({
  day,
  by: "office",
  action: { type: "verify_return", reason },
});

/** Oldest first; each visit's steps all lie before the seeding time. */
const VISITS: DemoVisit[] = [
  {
    school: "S01",
    kind: "routine",
    daysAgo: 112,
    templates: ["fire"],
    readAfterDays: 0,
    findings: [
      {
        code: "XF-012",
        note: "教学楼二层东侧 2 具灭火器压力表指针在红区",
        steps: [
          ack(1),
          respond(6, "已将压力不足的 2 具灭火器送检充装，并补充备用灭火器"),
          pass(12),
        ],
      },
      { code: "XF-017", note: "一楼东侧安全出口堆放体育器材", fixedOnSite: true },
      {
        code: "XF-024",
        note: "配电室前堆放杂物，多处电线私拉乱接",
        steps: [
          ack(2),
          respond(10, "已清理配电室前杂物，拆除私拉电线"),
          sendBack(12, "照片未显示配电箱内部线路，请补充整改后照片"),
          respond(15, "补充配电箱内部线路整改照片，并附电工检查记录"),
          pass(20, "office"),
        ],
      },
    ],
  },
  {
    school: "S07",
    kind: "routine",
    daysAgo: 96,
    templates: ["fire"],
    readAfterDays: 2,
    findings: [
      {
        code: "XF-012",
        note: "食堂灭火器压力不足，瓶身锈蚀",
        steps: [
          {
            day: 30,
            by: "office",
            action: { type: "escalate", kind: "interview", note: "逾期未整改，约谈校长" },
          },
          {
            day: 60,
            by: "office",
            action: { type: "escalate", kind: "circular", note: "约谈后仍未整改，全区通报批评" },
          },
        ],
      },
      { code: "XF-021", note: "三楼走廊应急照明灯断电后不亮", steps: [ack(3)] },
    ],
  },
  {
    school: "S11",
    kind: "campaign",
    daysAgo: 81,
    templates: ["campus-safety"],
    readAfterDays: 1,
    findings: [
      {
        code: "AQ-012",
        note: "一键式报警装置未与 110 联网，现场测试无响应",
        steps: [
          ack(2),
          {
            day: 5,
            by: "school",
            action: {
              type: "request_extension",
              days: 30,
              reason: "报警联网需公安部门统一安装调试，已提交申请",
            },
          },
          {
            day: 6,
            by: "office",
            action: { type: "approve_extension", comment: "同意延期，请按期完成" },
          },
          respond(38, "已完成一键式报警装置联网，公安部门测试正常"),
          pass(42),
        ],
      },
      {
        code: "AQ-026",
        note: "本学期未见应急疏散演练记录",
        steps: [
          {
            day: 3,
            by: "office",
            action: { type: "cancel", reason: "经核实该校已按时演练，记录当时未归档，撤销该事项" },
          },
        ],
      },
      {
        code: "AQ-022",
        note: "隐患台账未记录整改责任人和完成时间",
        steps: [respond(20, "已完善隐患台账，逐项明确整改责任人和完成时限")],
      },
    ],
  },
  {
    school: "S26",
    kind: "unannounced",
    daysAgo: 64,
    templates: ["fire"],
    readAfterDays: 4,
    findings: [
      {
        code: "XF-015",
        note: "教学楼室内消火栓箱内水带缺失",
        steps: [
          ack(2),
          {
            day: 8,
            by: "school",
            action: { type: "request_extension", days: 45, reason: "水带需统一招标采购" },
          },
          {
            day: 9,
            by: "office",
            action: { type: "refuse_extension", reason: "水带可临时调配，不同意延期，请按期整改" },
          },
        ],
      },
      {
        code: "XF-020",
        note: "学生宿舍窗户加装固定防盗网，无逃生口",
        steps: [
          ack(1),
          {
            day: 40,
            by: "office",
            action: {
              type: "escalate",
              kind: "supervised",
              note: "涉及学生宿舍逃生安全，列为挂牌督办事项",
            },
          },
        ],
      },
    ],
  },
  {
    school: "S12",
    kind: "routine",
    daysAgo: 45,
    templates: ["dormitory"],
    readAfterDays: 1,
    findings: [
      {
        code: "SS-003",
        note: "男生宿舍 305 室临时加床 2 张",
        steps: [
          ack(1),
          respond(8, "已撤除临时加床，学生调整至 410 室"),
          sendBack(10, "请补充调整后 410 室住宿名单和照片"),
        ],
      },
      {
        code: "SS-017",
        note: "女生宿舍楼夜间值班室无人",
        steps: [respond(12, "已安排两名宿管员轮流值班，并建立值班签到表"), pass(14)],
      },
    ],
  },
  {
    school: "S07",
    kind: "follow_up",
    daysAgo: 33,
    templates: ["fire"],
    readAfterDays: 3,
    findings: [
      { code: "XF-012", note: "复查发现教学楼灭火器仍有 3 具压力不足", steps: [ack(4)] },
      { code: "XF-039", note: "实验楼三层未配置灭火器" },
    ],
  },
  {
    school: "S24",
    kind: "routine",
    daysAgo: 21,
    templates: ["campus-safety"],
    readAfterDays: 2,
    findings: [
      {
        code: "AQ-007",
        note: "学校西侧围墙倒塌约 5 米，未设临时围挡",
        steps: [
          ack(1),
          {
            day: 3,
            by: "school",
            action: {
              type: "request_extension",
              days: 40,
              reason: "围墙重建需镇政府立项拨款，已设临时围挡",
            },
          },
        ],
      },
      {
        code: "AQ-050",
        note: "教学楼二楼栏杆松动",
        steps: [respond(5, "已更换松动栏杆并加固全部连接件")],
      },
    ],
  },
  {
    school: "S03",
    kind: "routine",
    daysAgo: 10,
    templates: ["fire"],
    readAfterDays: 1,
    findings: [
      { code: "XF-022", note: "疏散指示标志部分损坏，指向错误" },
      { code: "XF-025", note: "办公室使用电暖器，无人看管", fixedOnSite: true },
    ],
  },
  {
    school: "S15",
    kind: "routine",
    daysAgo: 2,
    templates: ["campus-safety"],
    findings: [
      { code: "AQ-049", note: "宿舍楼出入口监控画面模糊" },
      { code: "AQ-054", note: "未见本学期防溺水告家长书发放记录" },
    ],
  },
];

/** Who acts in one visit's story, and what it needs to record photos. */
type Scene = {
  tx: Executor;
  districtId: string;
  schoolId: string;
  visitId: string | null;
  actors: Record<Party, User>;
  photo(purpose: PhotoPurpose, by: User, at: number): Promise<string>;
};

async function userNamed(tx: Executor, username: string): Promise<User> {
  const row = await userRepository.findByUsername(tx, username);
  if (!row) throw new Error(`演示账号 ${username} 不存在`);
  return userSchema.parse({ ...row, username });
}

function inspectorOf(zone: number): string {
  const inspector = DEMO_INSPECTORS.find((i) => (i.zones as readonly number[]).includes(zone));
  if (!inspector) throw new Error(`责任区 ${zone} 没有督学`);
  return inspector.username;
}

/** The requested date: `days` after the current due date, and never on or before the day it is asked. */
function extensionDate(item: RectificationItem, days: number, at: number): string {
  const today = toChinaDate(at);
  return addDays(item.dueDate !== null && item.dueDate > today ? item.dueDate : today, days);
}

async function toAction(
  scene: Scene,
  step: Step,
  item: RectificationItem,
  at: number,
): Promise<RectificationAction> {
  const { action } = step;
  const actor = scene.actors[step.by];
  if (action.type === "respond") {
    return {
      type: "respond",
      text: action.text,
      photoIds: [await scene.photo("evidence", actor, at)],
    };
  }
  if (action.type === "verify_pass") {
    return {
      type: "verify_pass",
      note: action.note,
      photoIds: [await scene.photo("after", actor, at)],
    };
  }
  if (action.type === "request_extension") {
    return {
      type: "request_extension",
      requestedDueDate: extensionDate(item, action.days, at),
      reason: action.reason,
    };
  }
  return action;
}

function assertOk<O extends { ok: boolean }>(
  outcome: O,
  what: string,
): asserts outcome is Extract<O, { ok: true }> {
  if (!outcome.ok) throw new Error(`${what}：${"reason" in outcome ? String(outcome.reason) : ""}`);
}

/**
 * The submitted visit as the inspector's phone would have made it (the domain's own reducers):
 * every applicable judgement item answered, the demo's findings as 不符合 with photos, both
 * signatures. Stored like a synced visit.
 */
async function recordVisit(
  scene: Scene,
  demo: DemoVisit,
  school: SchoolAttributes & { principal: string },
  templates: Template[],
  visitAt: number,
): Promise<{ visitId: string; answers: VisitAnswer[] }> {
  const { actors } = scene;
  // UUIDv7 carries its time, so back-dated visits sort as the visits they stand for.
  const newIdAt = () => uuidv7({ msecs: visitAt });
  const started = startVisit(
    {
      schoolId: scene.schoolId,
      inspectorId: actors.inspector.id,
      kind: demo.kind,
      templates: templates.map((t) => ({ code: t.code, version: t.version })),
      startedAt: visitAt,
      location: null,
    },
    newIdAt,
    visitAt,
  );
  assertOk(started, "演示检查无法开始");
  const { visit } = started;
  scene.visitId = visit.id;
  const answers: VisitAnswer[] = [];
  let minute = 0;
  for (const template of templates) {
    for (const item of template.items) {
      if (item.response.type !== "judgement") continue;
      const found = demo.findings.find((f) => f.code === item.code);
      const at = visitAt + (minute += 1) * 60_000;
      const input = found
        ? {
            result: "fail" as const,
            note: found.note,
            photoIds: [await scene.photo("answer", actors.inspector, at)],
            finding: found.fixedOnSite
              ? {
                  severity: item.severity,
                  rectification: {
                    mode: "on_site" as const,
                    afterPhotoIds: [await scene.photo("after", actors.inspector, at)],
                  },
                  requiredAction: "",
                }
              : null,
          }
        : {
            result: explainApplicability(item, school).applies
              ? ("pass" as const)
              : ("na" as const),
            note: "",
            photoIds: [],
            finding: null,
          };
      const saved = setAnswer(
        visit,
        { templateCode: template.code, itemCode: item.code, value: null, ...input },
        newIdAt,
        at,
      );
      assertOk(saved, `演示答案 ${item.code} 无效`);
      answers.push(saved.answer);
    }
  }
  const signedAt = visitAt + (minute + 5) * 60_000;
  const signatures = {
    inspector: {
      photoId: await scene.photo("signature", actors.inspector, signedAt),
      name: actors.inspector.name,
      signedAt,
    },
    school: {
      photoId: await scene.photo("signature", actors.inspector, signedAt),
      name: school.principal,
      title: "校长",
      signedAt,
    },
  };
  const summary = `本次检查发现 ${demo.findings.length} 个问题，已当场反馈学校，请按整改通知书要求整改。`;
  const submitted = submitVisit(visit, { signatures, summary }, newIdAt, signedAt);
  assertOk(submitted, "演示检查无法提交");

  const stored = submitted.visit;
  await visitRepository.insert(scene.tx, stored, scene.districtId);
  await visitRepository.saveAnswers(scene.tx, answers);
  return { visitId: stored.id, answers };
}

async function seedVisit(
  ctx: {
    tx: Executor;
    now: number;
    districtId: string;
    blobs: BlobStore;
    photoSeed: { n: number };
  },
  demo: DemoVisit,
): Promise<void> {
  const { tx } = ctx;
  const demoSchool = DEMO_SCHOOLS.find((s) => s.code === demo.school);
  const school = await schoolRepository.findByCode(tx, ctx.districtId, demo.school);
  if (!demoSchool || !school) throw new Error(`演示学校 ${demo.school} 不存在`);
  const scene: Scene = {
    tx,
    districtId: ctx.districtId,
    schoolId: school.id,
    visitId: null,
    actors: {
      school: await userNamed(tx, schoolUsername(demo.school)),
      inspector: await userNamed(tx, inspectorOf(demoSchool.zone)),
      office: await userNamed(tx, DEMO_OFFICE.username),
    },
    async photo(purpose, by, at) {
      const photo = demoPhoto((ctx.photoSeed.n += 1));
      await ctx.blobs.put(photo.id, photo.bytes, photo.mime);
      await photoRepository.insertRegistered(tx, {
        id: photo.id,
        mime: photo.mime,
        bytes: photo.bytes.length,
        uploadedBy: by.id,
        uploadedAt: new Date(at),
        width: photo.width,
        height: photo.height,
        capturedAt: new Date(at),
        takenBy: by.id,
        purpose,
        // Visit photos belong to the visit; answers to the notice are filed under the school only.
        visitId: purpose === "evidence" ? null : scene.visitId,
        schoolId: school.id,
      });
      return photo.id;
    },
  };
  const visitAt = ctx.now - demo.daysAgo * DAY;
  const templates = (await templateRepository.listPublished(tx)).filter((t) =>
    demo.templates.includes(t.code),
  );
  const { visitId, answers } = await recordVisit(scene, demo, demoSchool, templates, visitAt);
  const findings = deriveFindings({
    templates,
    answers,
    school: demoSchool,
    policy: await districtRepository.getDeadlinePolicy(tx, ctx.districtId),
    visitAt,
  });
  if (findings.length !== demo.findings.length)
    throw new Error(`${demo.school} 的演示检查项有不适用于该校的`);
  const issued = await issueNoticeForVisit(tx, {
    visitId,
    districtId: ctx.districtId,
    schoolId: school.id,
    findings,
    issuedBy: scene.actors.inspector.id,
    now: visitAt + 2 * 60 * 60 * 1000,
  });
  assertOk(issued, "演示通知书未能生成");
  if (issued.notice && demo.readAfterDays !== undefined) {
    const readAt = visitAt + demo.readAfterDays * DAY + 3 * 60 * 60 * 1000;
    await markNoticeRead(tx, scene.actors.school, issued.notice.id, readAt);
  }

  for (const finding of demo.findings) {
    let item = issued.items.find((i) => i.itemCode === finding.code);
    if (!item) throw new Error(`演示事项 ${finding.code} 不存在`);
    for (const step of finding.steps ?? []) {
      const at = visitAt + step.day * DAY;
      if (at >= ctx.now)
        throw new Error(`演示操作晚于当前时间：${demo.school} ${finding.code} 第 ${step.day} 天`);
      const action = await toAction(scene, step, item, at);
      const input = { itemId: item.id, action, expectedVersion: item.version };
      const result = await applyRectificationAction(tx, scene.actors[step.by], input, at);
      assertOk(result, `演示操作被拒绝（${demo.school} ${finding.code} ${action.type}）`);
      item = result.item;
    }
  }
}

/**
 * Seeds the demo district's rectification history relative to `now`: submitted visits, their
 * notices, and items in every state (pending, in progress, submitted, returned, closed, cancelled,
 * closed on site), some overdue, extensions approved, refused and pending, escalations, and a
 * repeat finding. Photo bytes go to `blobs`.
 */
export async function seedDemoHistory(
  tx: Executor,
  { now, blobs }: { now: number; blobs: BlobStore },
): Promise<void> {
  const districtId = await districtRepository.idByCode(tx, DEMO_DISTRICT.code);
  if (!districtId) throw new Error("演示区县不存在");
  // Visits, answers and items all carry change_seq numbers.
  await lockChangeSeq(tx);
  const ctx = { tx, now, districtId, blobs, photoSeed: { n: 0 } };
  for (const visit of VISITS) await seedVisit(ctx, visit);
}
