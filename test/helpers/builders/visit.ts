import type { Id } from "@/lib/domain/ids";
import type { Mutation } from "@/lib/domain/mutations";
import type { School } from "@/lib/domain/org/org.schema";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import { DEFAULT_DEADLINE_POLICY } from "@/lib/domain/template/deadline-policy";
import { startVisit, type AnswerInput, type NewId } from "@/lib/domain/visit/visit";
import type { PackSchool, VisitPack } from "@/lib/domain/visit/visit-pack.schema";
import type {
  GeoPoint,
  InspectorSignature,
  PhotoMeta,
  SchoolSignature,
  Visit,
  VisitAnswer,
  VisitStartInput,
} from "@/lib/domain/visit/visit.schema";

import { aRectificationItem } from "./rectification";
import { aTemplate } from "./template";

/** 2026-03-02 09:00 China time (01:00 UTC), when the visits in these tests start. */
export const STARTED_AT = Date.UTC(2026, 2, 2, 1, 0);
export const MINUTE = 60_000;

export const SCHOOL_ID = "0195f3a0-0000-7000-8000-0000000000a1";
export const DISTRICT_ID = "0195f3a0-0000-7000-8000-0000000000a2";
export const ZONE_ID = "0195f3a0-0000-7000-8000-0000000000a3";
export const VISIT_ID = "0195f3a0-0000-7000-8000-0000000000a4";
export const CLIENT_ID = "0195f3a0-0000-7000-8000-0000000000a5";
export const INSPECTOR_ID = "inspector-zhang";

/** A UUIDv7 with a readable counter in its last group: anId(1) = "…-000000000001". */
export function anId(n: number): Id {
  return `01960000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Deterministic `newId`: anId(1), anId(2), … (separate sequences per call). */
export function idSequence(start = 1): NewId {
  let next = start;
  return () => anId(next++);
}

/** A photo id: 64 hex digits, one repeated digit for readability. */
export function aPhotoHash(digit: string): string {
  return digit.repeat(64);
}

export function aLocation(overrides: Partial<GeoPoint> = {}): GeoPoint {
  return { lat: 30.2741, lng: 120.1551, accuracy: 12, capturedAt: STARTED_AT, ...overrides };
}

export function aStartInput(overrides: Partial<VisitStartInput> = {}): VisitStartInput {
  return {
    schoolId: SCHOOL_ID,
    inspectorId: INSPECTOR_ID,
    kind: "routine",
    templates: [{ code: "campus-safety", version: 1 }],
    startedAt: STARTED_AT,
    location: aLocation(),
    ...overrides,
  };
}

/** A draft 挂牌督导 visit of the campus-safety template, started at STARTED_AT. */
export function aVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: VISIT_ID,
    schoolId: SCHOOL_ID,
    inspectorId: INSPECTOR_ID,
    kind: "routine",
    templates: [{ code: "campus-safety", version: 1 }],
    startedAt: STARTED_AT,
    endedAt: null,
    location: aLocation(),
    summary: "",
    signatures: { inspector: null, school: null },
    status: "draft",
    submittedAt: null,
    updatedAt: STARTED_AT,
    ...overrides,
  };
}

export function anInspectorSignature(
  overrides: Partial<InspectorSignature> = {},
): InspectorSignature {
  return {
    photoId: aPhotoHash("5"),
    name: "张督学",
    signedAt: STARTED_AT + 60 * MINUTE,
    ...overrides,
  };
}

export function aSchoolSignature(overrides: Partial<SchoolSignature> = {}): SchoolSignature {
  return {
    photoId: aPhotoHash("6"),
    name: "李校长",
    title: "校长",
    signedAt: STARTED_AT + 61 * MINUTE,
    ...overrides,
  };
}

/** A submitted visit signed by both sides. */
export function aSubmittedVisit(overrides: Partial<Visit> = {}): Visit {
  const submittedAt = STARTED_AT + 62 * MINUTE;
  return aVisit({
    endedAt: submittedAt,
    summary: "校园安全总体良好",
    signatures: { inspector: anInspectorSignature(), school: aSchoolSignature() },
    status: "submitted",
    submittedAt,
    updatedAt: submittedAt,
    ...overrides,
  });
}

export function anAnswerInput(overrides: Partial<AnswerInput> = {}): AnswerInput {
  return {
    templateCode: "campus-safety",
    itemCode: "AQ-001",
    result: "pass",
    value: null,
    note: "",
    photoIds: [],
    finding: null,
    ...overrides,
  };
}

export function aVisitAnswer(overrides: Partial<VisitAnswer> = {}): VisitAnswer {
  return {
    ...anAnswerInput(),
    visitId: VISIT_ID,
    answeredAt: STARTED_AT + 5 * MINUTE,
    ...overrides,
  };
}

/** A 不符合 answer with a 限期整改 finding and one photo. */
export function aFailingAnswer(overrides: Partial<VisitAnswer> = {}): VisitAnswer {
  return aVisitAnswer({
    result: "fail",
    note: "门卫未登记外来人员",
    photoIds: [aPhotoHash("1")],
    finding: {
      severity: "major",
      rectification: { mode: "deadline", dueDate: "2026-03-16" },
      requiredAction: "建立并落实访客登记制度",
    },
    ...overrides,
  });
}

export function aPhotoMeta(overrides: Partial<PhotoMeta> = {}): PhotoMeta {
  return {
    id: aPhotoHash("1"),
    visitId: VISIT_ID,
    mime: "image/jpeg",
    bytes: 312_000,
    width: 1600,
    height: 1200,
    capturedAt: STARTED_AT + 6 * MINUTE,
    takenBy: INSPECTOR_ID,
    location: aLocation(),
    purpose: "answer",
    ...overrides,
  };
}

export function aSchool(overrides: Partial<School> = {}): School {
  return {
    id: SCHOOL_ID,
    districtId: DISTRICT_ID,
    zoneId: ZONE_ID,
    code: "3301020001",
    name: "西湖区实验小学",
    address: "杭州市西湖区文三路 1 号",
    principal: "李校长",
    contact: "王老师",
    phone: "0571-00000000",
    isActive: true,
    stage: "primary",
    ownership: "public",
    isVillage: false,
    isBoarding: false,
    canteen: "self",
    hasSchoolBus: false,
    studentCount: 1200,
    classCount: 30,
    ...overrides,
  };
}

export function aPackSchool(overrides: Partial<PackSchool> = {}): PackSchool {
  return {
    ...aSchool(),
    lastVisit: {
      visitId: anId(900),
      date: "2026-02-03",
      score: 92.5,
      openItems: 1,
      overdueItems: 0,
    },
    ...overrides,
  };
}

/** A pending 整改事项 of SCHOOL_ID from an earlier visit, due 2026-03-16. */
export function anOpenItem(overrides: Partial<RectificationItem> = {}): RectificationItem {
  return aRectificationItem({
    id: anId(800),
    districtId: DISTRICT_ID,
    schoolId: SCHOOL_ID,
    visitId: anId(900),
    noticeId: anId(901),
    templateCode: "campus-safety",
    itemCode: "AQ-001",
    section: "门卫管理",
    prompt: "学校实行封闭化管理，外来人员和车辆进出校园须核实登记",
    basis: "《中小学幼儿园安全管理办法》第十八条",
    severity: "major",
    description: "门卫未登记外来人员",
    dueDate: "2026-03-16",
    photoIds: [aPhotoHash("9")],
    ...overrides,
  });
}

export function aVisitPack(overrides: Partial<VisitPack> = {}): VisitPack {
  const template = aTemplate();
  return {
    schools: [aPackSchool()],
    templates: [template],
    offered: [{ code: template.code, version: template.version }],
    openItems: [anOpenItem()],
    deadlinePolicy: DEFAULT_DEADLINE_POLICY,
    campaigns: [],
    generatedAt: STARTED_AT - 60 * MINUTE,
    ...overrides,
  };
}

/** The `visit.start` mutation (and visit) for aStartInput, with ids from `newId`. */
export function aStartedVisit(newId: NewId = idSequence(), input: Partial<VisitStartInput> = {}) {
  const started = startVisit(aStartInput(input), newId, STARTED_AT);
  if (!started.ok) throw new Error(started.message);
  return started;
}

/** A mutation's ids, for asserting which ones a store or server holds. */
export function idsOf(mutations: readonly { mutation: Mutation }[] | readonly Mutation[]): Id[] {
  return mutations.map((m) => ("mutation" in m ? m.mutation.id : m.id));
}
