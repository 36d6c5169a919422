/**
 * A province-like database for benches and scale tests (`npm run seed:scale`): one city, districts of
 * ten 督学责任区 with twenty schools each, an inspector per zone, an office per district, and
 * `months` of 挂牌督导 history — submitted visits with their answers, 整改通知书 numbered per
 * district and year, and 整改事项 in every state. Items are opened and moved by the domain's own
 * `openRectificationItem` / `transition`, and their events chained with `chainEvent`, so every chain
 * verifies. Rows go in with COPY, a month at a time, on one connection and in one transaction.
 *
 * Deterministic for a given size, `now` and `seed`. Reusable: benches import `seedScale` and the
 * usernames below; the CLI (lib/server/cli/seed-scale.ts) is a thin wrapper.
 */
import "server-only";

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { v7 as uuidv7 } from "uuid";

import { addDays, toChinaDate } from "@/lib/domain/dates";
import type { Role, SchoolAttributes, SchoolStage } from "@/lib/domain/org/org.schema";
import { chainEvent, type RectificationEvent } from "@/lib/domain/rectification/events";
import { formatNoticeNumber } from "@/lib/domain/rectification/notice-number";
import type {
  RectificationAction,
  RectificationActor,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import {
  openRectificationItem,
  transition,
  type TransitionEvent,
  withPolicyDefaults,
} from "@/lib/domain/rectification/transition";
import { explainApplicability } from "@/lib/domain/template/applicability";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import { defaultFindingChoice, deriveFindings } from "@/lib/domain/template/findings";
import type { Template, TemplateItem } from "@/lib/domain/template/template.schema";
import type { VisitAnswer, VisitKind } from "@/lib/domain/visit/visit.schema";

import { DEMO_PASSWORD } from "./demo-data";
import { demoPhoto } from "./demo-photos";
import { seedBuiltInTemplates } from "./templates";
import { hashPassword } from "../auth/accounts";
import type { BlobStore } from "../blobs/blob-store";
import type { Db } from "../db/client";
import { sha256Hex } from "../rectification/event-log";
import { itemInputFor } from "../rectification/issue-notice";
import { templateRepository } from "../repositories/template-repository";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
export const SCHOOLS_PER_ZONE = 20;
export const ZONES_PER_DISTRICT = 10;
/** Answers per visit: a window of the template's judgement items, as a monthly visit covers. */
const ANSWERS_PER_VISIT = 17;
const PHOTO_POOL = 8;

/** Sign-in names of the seeded accounts (password: the demo's, DEMO_PASSWORD). Numbers start at 1. */
export const SCALE_USERS = {
  admin: "admin",
  city: "city",
  office: (district: number) => `office${String(district).padStart(3, "0")}`,
  inspector: (zone: number) => `inspector${String(zone).padStart(4, "0")}`,
  school: (school: number) => `school${String(school).padStart(5, "0")}`,
};
export const SCALE_PASSWORD = DEMO_PASSWORD;

export type ScaleOptions = {
  schools: number;
  months: number;
  /** Epoch ms: history runs up to it. */
  now: number;
  /** Where the pool of photos referenced by answers, signatures and reports is stored. */
  blobs: BlobStore;
  seed?: number;
  progress?: (line: string) => void;
};

export type ScaleTotals = {
  districts: number;
  zones: number;
  schools: number;
  users: number;
  visits: number;
  answers: number;
  notices: number;
  items: number;
  events: number;
  itemsByStatus: Record<string, number>;
};

/** mulberry32: a small deterministic PRNG, so a size always seeds the same database. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICT_NAMES = [
  "东城区",
  "西城区",
  "南湖区",
  "北山区",
  "江滨区",
  "青云县",
  "临河县",
  "松林县",
  "石桥镇区",
  "新港区",
  "云台县",
  "凤鸣区",
  "清溪县",
  "白沙区",
  "龙泉县",
  "桃源县",
  "金水区",
  "玉屏县",
  "长宁区",
  "安平县",
  "永和县",
  "高新区",
  "平川县",
  "丰乐区",
  "大河县",
];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const GIVEN = [
  "建国",
  "秀梅",
  "志强",
  "芳",
  "伟",
  "敏",
  "静",
  "丽",
  "军",
  "磊",
  "洋",
  "艳",
  "勇",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "霞",
  "平",
];
const STAGE_NAMES: Record<SchoolStage, string> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "中学",
  nine_year: "九年一贯制学校",
  senior: "高级中学",
  vocational: "职业学校",
  special: "特殊教育学校",
};
const NOTES = [
  "现场检查发现该问题，已向学校负责人反馈",
  "抽查台账记录不全",
  "现场询问相关人员，情况属实",
  "查看监控及记录，存在该问题",
];
const RESPONSES = [
  "已按整改要求完成整改，附整改后照片",
  "已制定整改方案并落实到人，现已整改完毕",
  "已完善相关制度和台账，组织全体教职工学习",
];

type SchoolSeed = SchoolAttributes & {
  id: string;
  n: number;
  districtIndex: number;
  zoneIndex: number;
  name: string;
  principal: string;
  userId: string;
};
type Org = {
  districts: { id: string; name: string; prefix: string; officeId: string }[];
  zones: { id: string; districtIndex: number; inspectorId: string; inspectorName: string }[];
  schools: SchoolSeed[];
  users: number;
};

function personName(rand: () => number): string {
  return (
    SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!
  );
}

function schoolAttributes(rand: () => number): SchoolAttributes {
  const r = rand();
  const stage: SchoolStage =
    r < 0.3
      ? "kindergarten"
      : r < 0.65
        ? "primary"
        : r < 0.82
          ? "junior"
          : r < 0.88
            ? "nine_year"
            : r < 0.95
              ? "senior"
              : r < 0.98
                ? "vocational"
                : "special";
  const classCount = 6 + Math.floor(rand() * 40);
  return {
    stage,
    ownership: rand() < 0.8 ? "public" : "private",
    isVillage: stage !== "senior" && rand() < 0.25,
    isBoarding: stage !== "kindergarten" && rand() < 0.25,
    canteen: rand() < 0.15 ? "none" : rand() < 0.7 ? "self" : "contracted",
    hasSchoolBus: rand() < 0.2,
    studentCount: classCount * (30 + Math.floor(rand() * 20)),
    classCount,
  };
}

// ── COPY ──────────────────────────────────────────────────────────────────────────────────────

type Cell = string | number | boolean | Date | null | object;

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "string"
        ? value
        : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly Cell[][],
): Promise<void> {
  if (rows.length === 0) return;
  const target = client.query(
    copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
  );
  function* chunks() {
    for (let i = 0; i < rows.length; i += 2000) {
      yield rows
        .slice(i, i + 2000)
        .map((row) => `${row.map(copyText).join("\t")}\n`)
        .join("");
    }
  }
  await pipeline(Readable.from(chunks()), target);
}

// ── Organisation ──────────────────────────────────────────────────────────────────────────────

async function seedOrg(
  client: pg.PoolClient,
  schoolCount: number,
  rand: () => number,
  now: number,
): Promise<Org> {
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const zoneCount = Math.ceil(schoolCount / SCHOOLS_PER_ZONE);
  const districtCount = Math.ceil(zoneCount / ZONES_PER_DISTRICT);
  const created = new Date(now - 800 * DAY);
  const cityId = uuidv7();
  await copyRows(client, "cities", ["id", "code", "name"], [[cityId, "scale", "示范市"]]);

  const userRows: Cell[][] = [];
  const accountRows: Cell[][] = [];
  const addUser = (
    username: string,
    name: string,
    role: Role,
    scope: { schoolId?: string; districtId?: string; cityId?: string },
  ) => {
    const id = uuidv7();
    userRows.push([
      id,
      name,
      `${username}@users.duxue.local`,
      true,
      username,
      username,
      role,
      scope.schoolId ?? null,
      scope.districtId ?? null,
      scope.cityId ?? null,
      created,
      created,
    ]);
    accountRows.push([uuidv7(), id, "credential", id, passwordHash, created, created]);
    return id;
  };
  addUser(SCALE_USERS.admin, "系统管理员", "admin", {});
  addUser(SCALE_USERS.city, "示范市督导室", "city", { cityId });

  const org: Org = { districts: [], zones: [], schools: [], users: 0 };
  const districtRows: Cell[][] = [];
  for (let d = 0; d < districtCount; d++) {
    const id = uuidv7();
    const name = DISTRICT_NAMES[d] ?? `第${d + 1}区`;
    const prefix = `${name.slice(0, 2)}督改`;
    districtRows.push([
      id,
      cityId,
      `d${String(d + 1).padStart(3, "0")}`,
      name,
      prefix,
      DEFAULT_DEADLINE_POLICY,
      created,
    ]);
    const officeId = addUser(SCALE_USERS.office(d + 1), `${name}督导室`, "office", {
      districtId: id,
    });
    org.districts.push({ id, name, prefix, officeId });
  }
  await copyRows(
    client,
    "districts",
    ["id", "city_id", "code", "name", "notice_prefix", "deadline_policy", "created_at"],
    districtRows,
  );

  const zoneRows: Cell[][] = [];
  const zoneInspectorRows: Cell[][] = [];
  for (let z = 0; z < zoneCount; z++) {
    const districtIndex = Math.floor(z / ZONES_PER_DISTRICT);
    const district = org.districts[districtIndex]!;
    const id = uuidv7();
    const inspectorName = personName(rand);
    const inspectorId = addUser(SCALE_USERS.inspector(z + 1), inspectorName, "inspector", {
      districtId: district.id,
    });
    zoneRows.push([
      id,
      district.id,
      `${district.name}第${(z % ZONES_PER_DISTRICT) + 1}责任区`,
      created,
    ]);
    zoneInspectorRows.push([id, inspectorId]);
    org.zones.push({ id, districtIndex, inspectorId, inspectorName });
  }
  await copyRows(client, "zones", ["id", "district_id", "name", "created_at"], zoneRows);

  const schoolRows: Cell[][] = [];
  for (let s = 0; s < schoolCount; s++) {
    const zoneIndex = Math.floor(s / SCHOOLS_PER_ZONE);
    const zone = org.zones[zoneIndex]!;
    const district = org.districts[zone.districtIndex]!;
    const attributes = schoolAttributes(rand);
    const id = uuidv7();
    const name = `${district.name}第${s + 1}${STAGE_NAMES[attributes.stage]}`;
    const principal = personName(rand);
    const userId = addUser(SCALE_USERS.school(s + 1), name, "school", {
      schoolId: id,
      districtId: district.id,
    });
    schoolRows.push([
      id,
      district.id,
      zone.id,
      `S${String(s + 1).padStart(5, "0")}`,
      name,
      `${district.name}育才路 ${s + 1} 号`,
      principal,
      principal,
      attributes.stage,
      attributes.ownership,
      attributes.isVillage,
      attributes.isBoarding,
      attributes.canteen,
      attributes.hasSchoolBus,
      attributes.studentCount,
      attributes.classCount,
      created,
      created,
    ]);
    org.schools.push({
      ...attributes,
      id,
      n: s,
      districtIndex: zone.districtIndex,
      zoneIndex,
      name,
      principal,
      userId,
    });
  }
  // Accounts before schools' foreign keys need them: users hold no foreign keys themselves.
  await copyRows(
    client,
    `"user"`,
    [
      "id",
      "name",
      "email",
      "email_verified",
      "username",
      "display_username",
      "role",
      "school_id",
      "district_id",
      "city_id",
      "created_at",
      "updated_at",
    ],
    userRows,
  );
  await copyRows(
    client,
    "account",
    ["id", "account_id", "provider_id", "user_id", "password", "created_at", "updated_at"],
    accountRows,
  );
  await copyRows(client, "zone_inspectors", ["zone_id", "user_id"], zoneInspectorRows);
  await copyRows(
    client,
    "schools",
    [
      "id",
      "district_id",
      "zone_id",
      "code",
      "name",
      "address",
      "principal",
      "contact",
      "stage",
      "ownership",
      "is_village",
      "is_boarding",
      "canteen",
      "has_school_bus",
      "student_count",
      "class_count",
      "created_at",
      "updated_at",
    ],
    schoolRows,
  );
  org.users = userRows.length;
  return org;
}

// ── History ───────────────────────────────────────────────────────────────────────────────────

/** Which of the built-in checklists a school's monthly visit rotates through. */
function templatesFor(school: SchoolAttributes, all: readonly Template[]): Template[] {
  const wanted = new Set(["campus-safety", "fire", "school-management", "fees"]);
  if (school.stage === "kindergarten") wanted.add("health-care");
  else wanted.add("double-reduction");
  if (school.canteen !== "none") wanted.add("food-safety");
  if (school.isBoarding) wanted.add("dormitory");
  if (school.hasSchoolBus) wanted.add("school-bus");
  return all.filter((t) => wanted.has(t.code));
}

type Story = { day: number; by: "school" | "inspector" | "office"; action: RectificationAction };

/**
 * What happens to a 限期整改 item after the notice: most schools fix it in time and the inspector
 * or the office closes it; some are sent back once, ask for more time, fix it late, are escalated,
 * or never answer; a few are cancelled. Days count from the notice; steps after `now` do not happen.
 */
function storyFor(item: RectificationItem, rand: () => number, issuedAt: number): Story[] {
  const dueDays = item.dueDate
    ? Math.max(1, Math.round((Date.parse(item.dueDate) - Date.parse(toChinaDate(issuedAt))) / DAY))
    : 7;
  const ack = (day: number): Story => ({ day, by: "school", action: { type: "acknowledge" } });
  const respond = (day: number): Story => ({
    day,
    by: "school",
    action: {
      type: "respond",
      text: RESPONSES[Math.floor(rand() * RESPONSES.length)]!,
      photoIds: [photoIdAt(Math.floor(rand() * PHOTO_POOL))],
    },
  });
  const pass = (day: number): Story => ({
    day,
    by: rand() < 0.7 ? "inspector" : "office",
    action: { type: "verify_pass", note: "复查合格，同意销号", photoIds: [] },
  });
  const r = rand();
  const answerDay = Math.max(2, Math.round(dueDays * (0.4 + rand() * 0.5)));
  if (r < 0.04)
    return [
      { day: 2, by: "office", action: { type: "cancel", reason: "经核实情况不属实，撤销该事项" } },
    ];
  if (r < 0.6) return [ack(1), respond(answerDay), pass(answerDay + 2 + Math.floor(rand() * 5))];
  if (r < 0.7) {
    const back = answerDay + 2;
    return [
      ack(1),
      respond(answerDay),
      {
        day: back,
        by: "office",
        action: { type: "verify_return", reason: "整改照片不清晰，请补充材料" },
      },
      respond(back + 4),
      pass(back + 7),
    ];
  }
  if (r < 0.8) {
    const late = dueDays + 5 + Math.floor(rand() * 40);
    return [ack(2), respond(late), pass(late + 3 + Math.floor(rand() * 7))];
  }
  if (r < 0.88) {
    const requested = addDays(item.dueDate ?? toChinaDate(issuedAt), 30);
    const approved = rand() < 0.7;
    return [
      ack(1),
      {
        day: 3,
        by: "school",
        action: {
          type: "request_extension",
          requestedDueDate: requested,
          reason: "需统一采购，申请延期",
        },
      },
      approved
        ? { day: 5, by: "office", action: { type: "approve_extension", comment: "同意延期" } }
        : {
            day: 5,
            by: "office",
            action: { type: "refuse_extension", reason: "可临时处置，请按期整改" },
          },
      respond((approved ? dueDays + 25 : answerDay) + 3),
      pass((approved ? dueDays + 25 : answerDay) + 6),
    ];
  }
  if (r < 0.94)
    return [
      ack(2),
      {
        day: dueDays + 20,
        by: "office",
        action: { type: "escalate", kind: "interview", note: "逾期未整改，约谈校长" },
      },
    ];
  return [];
}

let photoIds: string[] = [];
const photoIdAt = (n: number) => photoIds[n % photoIds.length]!;

async function seedPhotos(client: pg.PoolClient, blobs: BlobStore, adminId: string, now: number) {
  const pool = Array.from({ length: PHOTO_POOL }, (_, n) => demoPhoto(10_000 + n, `scale-${n}`));
  for (const photo of pool) await blobs.put(photo.id, photo.bytes, photo.mime);
  photoIds = pool.map((p) => p.id);
  await copyRows(
    client,
    "photos",
    ["id", "mime", "bytes", "uploaded_by", "uploaded_at", "width", "height", "purpose"],
    pool.map((p) => [
      p.id,
      p.mime,
      p.bytes.length,
      adminId,
      new Date(now),
      p.width,
      p.height,
      "answer",
    ]),
  );
}

type Batch = {
  visits: Cell[][];
  answers: Cell[][];
  notices: Cell[][];
  items: Cell[][];
  events: Cell[][];
};

const VISIT_COLUMNS = [
  "id",
  "district_id",
  "school_id",
  "inspector_id",
  "kind",
  "templates",
  "started_at",
  "ended_at",
  "summary",
  "signatures",
  "status",
  "submitted_at",
  "updated_at",
];
const ANSWER_COLUMNS = [
  "visit_id",
  "template_code",
  "item_code",
  "result",
  "value",
  "note",
  "photo_ids",
  "finding",
  "answered_at",
];
const NOTICE_COLUMNS = [
  "id",
  "district_id",
  "school_id",
  "visit_id",
  "year",
  "serial",
  "number",
  "issued_at",
  "issued_by",
  "read_at",
  "read_by",
];
const ITEM_COLUMNS = [
  "id",
  "district_id",
  "school_id",
  "visit_id",
  "inspector_id",
  "notice_id",
  "template_code",
  "template_version",
  "item_code",
  "section",
  "prompt",
  "basis",
  "severity",
  "description",
  "required_action",
  "mode",
  "due_date",
  "status",
  "photo_ids",
  "after_photo_ids",
  "response",
  "extension",
  "escalations",
  "return_reason",
  "cancel_reason",
  "closed_at",
  "created_at",
  "updated_at",
  "version",
];
const EVENT_COLUMNS = [
  "id",
  "item_id",
  "seq",
  "type",
  "actor_id",
  "actor_role",
  "at",
  "payload",
  "prev_hash",
  "hash",
];

function itemRow(item: RectificationItem, inspectorId: string): Cell[] {
  return [
    item.id,
    item.districtId,
    item.schoolId,
    item.visitId,
    inspectorId,
    item.noticeId,
    item.templateCode,
    item.templateVersion,
    item.itemCode,
    item.section,
    item.prompt,
    item.basis,
    item.severity,
    item.description,
    item.requiredAction,
    item.mode,
    item.dueDate,
    item.status,
    item.photoIds,
    item.afterPhotoIds,
    item.response,
    item.extension,
    item.escalations,
    item.returnReason,
    item.cancelReason,
    item.closedAt === null ? null : new Date(item.closedAt),
    new Date(item.createdAt),
    new Date(item.updatedAt),
    item.version,
  ];
}

function eventRow(e: RectificationEvent): Cell[] {
  return [
    e.id,
    e.itemId,
    e.seq,
    e.type,
    e.actorId,
    e.actorRole,
    new Date(e.at),
    e.payload,
    e.prevHash,
    e.hash,
  ];
}

/**
 * Seeds the whole database through `db`'s pool on one connection, in one transaction. The database
 * must be migrated and empty (the caller checks). Returns what it wrote.
 */
export async function seedScale(
  db: Db,
  pool: pg.Pool,
  options: ScaleOptions,
): Promise<ScaleTotals> {
  const { now, months } = options;
  const rand = prng(options.seed ?? 20_260_101);
  const say = options.progress ?? (() => undefined);
  // The national library first, through the app's own repository (it runs its own transactions).
  await seedBuiltInTemplates(db, { now: () => now - 800 * DAY });
  const library = await templateRepository.listPublished(db);

  const client = await pool.connect();
  const totals: ScaleTotals = {
    districts: 0,
    zones: 0,
    schools: 0,
    users: 0,
    visits: 0,
    answers: 0,
    notices: 0,
    items: 0,
    events: 0,
    itemsByStatus: {},
  };
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    // Nothing else may write synced rows meanwhile (lib/server/db/change-seq.ts).
    await client.query("SELECT pg_advisory_xact_lock(7041002)");
    // The office figures (migration 0012) are filled once, set-based, after the items: kept item by
    // item in this one transaction they would slow the load down quadratically (migration 0013).
    await client.query("ALTER TABLE rectification_items DISABLE TRIGGER rectification_items_facts");
    const org = await seedOrg(client, options.schools, rand, now);
    totals.districts = org.districts.length;
    totals.zones = org.zones.length;
    totals.schools = org.schools.length;
    totals.users = org.users;
    say(
      `组织：${totals.districts} 个区县，${totals.zones} 个责任区，${totals.schools} 所学校，${totals.users} 个账号`,
    );

    const adminRow = await client.query<{ id: string }>(
      `SELECT id FROM "user" WHERE username = $1`,
      [SCALE_USERS.admin],
    );
    await seedPhotos(client, options.blobs, adminRow.rows[0]!.id, now);
    const adoptions: Cell[][] = org.districts.flatMap((d) =>
      library.map((t) => [d.id, t.code, t.version, new Date(now - 800 * DAY)]),
    );
    await copyRows(
      client,
      "district_templates",
      ["district_id", "code", "version", "adopted_at"],
      adoptions,
    );

    const policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY;
    const judgementItems = new Map<string, TemplateItem[]>();
    const applicable = (template: Template, school: SchoolSeed): TemplateItem[] => {
      const key = `${template.code}|${school.stage}|${school.ownership}|${school.isVillage}|${school.isBoarding}|${school.canteen}|${school.hasSchoolBus}`;
      let items = judgementItems.get(key);
      if (!items) {
        items = template.items.filter(
          (i) => i.response.type === "judgement" && explainApplicability(i, school).applies,
        );
        judgementItems.set(key, items);
      }
      return items;
    };
    const serials = new Map<string, number>();
    const schoolTemplates = org.schools.map((s) => templatesFor(s, library));
    const start = now - months * 30 * DAY;

    for (let m = 0; m < months; m++) {
      const batch: Batch = { visits: [], answers: [], notices: [], items: [], events: [] };
      const monthStart = start + m * 30 * DAY;
      const planned: { school: SchoolSeed; at: number; kind: VisitKind }[] = [];
      for (const school of org.schools) {
        const at = monthStart + Math.floor(rand() * 27) * DAY + (8 + Math.floor(rand() * 8)) * HOUR;
        if (at < now - 3 * HOUR) planned.push({ school, at, kind: "routine" });
        // Now and then a 专项督查, 随机暗访 or 回访 besides the monthly visit.
        if (rand() < 0.02) {
          const extra = at + (1 + Math.floor(rand() * 2)) * DAY;
          const kinds: VisitKind[] = ["campaign", "unannounced", "follow_up", "joint"];
          if (extra < now - 3 * HOUR)
            planned.push({ school, at: extra, kind: kinds[Math.floor(rand() * kinds.length)]! });
        }
      }
      planned.sort((a, b) => a.at - b.at);

      for (const { school, at, kind } of planned) {
        const zone = org.zones[school.zoneIndex]!;
        const district = org.districts[school.districtIndex]!;
        const rotation = schoolTemplates[school.n]!;
        const template = rotation[(school.n + m) % rotation.length]!;
        const items = applicable(template, school);
        const visitId = uuidv7({ msecs: at });
        const endedAt = at + 90 * 60_000;
        const visitDate = toChinaDate(at);
        const first =
          items.length <= ANSWERS_PER_VISIT
            ? 0
            : Math.floor(rand() * (items.length - ANSWERS_PER_VISIT));
        const answered = items.slice(first, first + ANSWERS_PER_VISIT);
        const failing = new Set<number>();
        if (rand() < 0.52) {
          const count = 1 + Math.floor(rand() * 6);
          for (let i = 0; i < count; i++) failing.add(Math.floor(rand() * answered.length));
        }
        const answers: VisitAnswer[] = answered.map((item, i) => {
          const answeredAt = at + (i + 1) * 60_000;
          if (!failing.has(i))
            return {
              visitId,
              templateCode: template.code,
              itemCode: item.code,
              result: rand() < 0.05 ? "na" : "pass",
              value: null,
              note: "",
              photoIds: [],
              finding: null,
              answeredAt,
            };
          const choice = defaultFindingChoice(item, policy, visitDate);
          return {
            visitId,
            templateCode: template.code,
            itemCode: item.code,
            result: "fail",
            value: null,
            note: NOTES[Math.floor(rand() * NOTES.length)]!,
            photoIds: [photoIdAt(i)],
            finding:
              choice.rectification.mode === "on_site"
                ? {
                    ...choice,
                    rectification: { mode: "on_site", afterPhotoIds: [photoIdAt(i + 1)] },
                  }
                : choice,
            answeredAt,
          };
        });
        const signatures = {
          inspector: { photoId: photoIdAt(0), name: zone.inspectorName, signedAt: endedAt },
          school: {
            photoId: photoIdAt(1),
            name: school.principal,
            title: "校长",
            signedAt: endedAt,
          },
        };
        batch.visits.push([
          visitId,
          district.id,
          school.id,
          zone.inspectorId,
          kind,
          [{ code: template.code, version: template.version }],
          new Date(at),
          new Date(endedAt),
          failing.size > 0
            ? `本次检查发现 ${failing.size} 个问题，已当场反馈学校。`
            : "本次检查未发现问题。",
          signatures,
          "submitted",
          new Date(endedAt),
          new Date(endedAt),
        ]);
        for (const a of answers)
          batch.answers.push([
            a.visitId,
            a.templateCode,
            a.itemCode,
            a.result,
            a.value,
            a.note,
            a.photoIds,
            a.finding,
            new Date(a.answeredAt),
          ]);
        totals.visits++;
        totals.answers += answers.length;

        const findings = deriveFindings({
          templates: [template],
          answers,
          school,
          policy,
          visitAt: at,
        });
        if (findings.length === 0) continue;
        const issuedAt = endedAt + HOUR;
        const year = Number(toChinaDate(issuedAt).slice(0, 4));
        const counterKey = `${district.id}|${year}`;
        const serial = (serials.get(counterKey) ?? 0) + 1;
        serials.set(counterKey, serial);
        const noticeId = uuidv7({ msecs: issuedAt });
        const readAt = issuedAt + DAY;
        const isRead = readAt < now && rand() < 0.85;
        batch.notices.push([
          noticeId,
          district.id,
          school.id,
          visitId,
          year,
          serial,
          formatNoticeNumber(district.prefix, year, serial),
          new Date(issuedAt),
          zone.inspectorId,
          isRead ? new Date(readAt) : null,
          isRead ? school.userId : null,
        ]);
        totals.notices++;

        const actors: Record<Story["by"], RectificationActor> = {
          school: {
            userId: school.userId,
            role: "school",
            schoolId: school.id,
            inspectsSchool: false,
          },
          inspector: {
            userId: zone.inspectorId,
            role: "inspector",
            schoolId: null,
            inspectsSchool: true,
          },
          office: {
            userId: district.officeId,
            role: "office",
            schoolId: null,
            inspectsSchool: false,
          },
        };
        for (const finding of findings) {
          const input = itemInputFor(
            finding,
            { visitId, districtId: district.id, schoolId: school.id },
            noticeId,
            uuidv7({ msecs: issuedAt }),
          );
          if (!input.success) throw new Error(`事项无效：${input.error.issues[0]?.message}`);
          const opened = openRectificationItem(input.data, actors.inspector, issuedAt);
          let item = opened.item;
          let last: RectificationEvent | null = null;
          const record = (event: TransitionEvent) => {
            last = chainEvent(last, { id: uuidv7({ msecs: event.at }), ...event }, sha256Hex);
            batch.events.push(eventRow(last));
          };
          record(opened.event);
          const story: Story[] =
            item.mode === "on_site"
              ? [
                  {
                    day: 0,
                    by: "inspector",
                    action: { type: "close_on_site", photoIds: [photoIdAt(2)] },
                  },
                ]
              : storyFor(item, rand, issuedAt);
          for (const step of story) {
            const stepAt = issuedAt + step.day * DAY + Math.floor(rand() * 6) * HOUR;
            if (stepAt >= now) break;
            // A return takes the policy's new deadline, as the server gives one sent without a date.
            const action = withPolicyDefaults(step.action, policy, toChinaDate(stepAt));
            const moved = transition(item, action, actors[step.by], stepAt);
            if (!moved.ok)
              throw new Error(`${item.itemCode} ${step.action.type} 被拒绝：${moved.message}`);
            item = moved.item;
            record(moved.event);
          }
          batch.items.push(itemRow(item, zone.inspectorId));
          totals.itemsByStatus[item.status] = (totals.itemsByStatus[item.status] ?? 0) + 1;
          totals.items++;
        }
      }
      await copyRows(client, "visits", VISIT_COLUMNS, batch.visits);
      await copyRows(client, "notices", NOTICE_COLUMNS, batch.notices);
      await copyRows(client, "visit_answers", ANSWER_COLUMNS, batch.answers);
      await copyRows(client, "rectification_items", ITEM_COLUMNS, batch.items);
      await copyRows(client, "rectification_events", EVENT_COLUMNS, batch.events);
      totals.events += batch.events.length;
      say(
        `第 ${m + 1}/${months} 月：累计 ${totals.visits} 次检查，${totals.answers} 条作答，${totals.notices} 份通知书，${totals.items} 个整改事项`,
      );
    }
    const counters = [...serials].map(([key, last]) => {
      const [districtId, year] = key.split("|");
      return [districtId!, Number(year), last];
    });
    await copyRows(client, "notice_counters", ["district_id", "year", "last_serial"], counters);
    say("统计整改数字…");
    await client.query("ALTER TABLE rectification_items ENABLE TRIGGER rectification_items_facts");
    await client.query("SELECT rectification_figures_fill()");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // As autovacuum would leave a database written over two years: statistics, hint bits and the
  // visibility map that index-only scans (the office's figures) rely on.
  say("整理数据库（VACUUM ANALYZE）…");
  await pool.query("VACUUM (ANALYZE)");
  return totals;
}
