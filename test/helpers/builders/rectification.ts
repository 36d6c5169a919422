import type {
  RectificationActor,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";

export const DISTRICT_ID = "0195f3a0-0000-7000-8000-000000000001";
export const SCHOOL_ID = "0195f3a0-0000-7000-8000-000000000002";
export const OTHER_SCHOOL_ID = "0195f3a0-0000-7000-8000-000000000003";
export const VISIT_ID = "0195f3a0-0000-7000-8000-000000000004";
export const NOTICE_ID = "0195f3a0-0000-7000-8000-000000000005";
export const ITEM_ID = "0195f3a0-0000-7000-8000-000000000006";

/** Content-addressed photo ids are 64 hex digits; one repeated digit keeps them readable. */
export function aPhotoId(digit: string): string {
  return digit.repeat(64);
}

/** A pending 限期整改 item due 2026-03-20 at SCHOOL_ID, created 2026-03-01 08:00 China time. */
export function aRectificationItem(overrides: Partial<RectificationItem> = {}): RectificationItem {
  return {
    id: ITEM_ID,
    districtId: DISTRICT_ID,
    schoolId: SCHOOL_ID,
    visitId: VISIT_ID,
    noticeId: NOTICE_ID,
    templateCode: "campus-safety",
    templateVersion: 1,
    itemCode: "AQ-001",
    section: "消防设施",
    prompt: "灭火器配置数量充足、在有效期内",
    basis: "GB 50140-2005《建筑灭火器配置设计规范》",
    severity: "major",
    description: "教学楼二层灭火器压力不足",
    requiredAction: "更换或重新充装灭火器",
    mode: "deadline",
    dueDate: "2026-03-20",
    status: "pending",
    photoIds: [aPhotoId("b")],
    afterPhotoIds: [],
    response: null,
    extension: null,
    returnReason: null,
    cancelReason: null,
    escalations: [],
    closedAt: null,
    createdAt: Date.UTC(2026, 2, 1, 0, 0),
    updatedAt: Date.UTC(2026, 2, 1, 0, 0),
    version: 1,
    ...overrides,
  };
}

/** The school's own account by default; override role, schoolId and inspectsSchool for others. */
export function anActor(overrides: Partial<RectificationActor> = {}): RectificationActor {
  return {
    userId: "user-school01",
    role: "school",
    schoolId: SCHOOL_ID,
    inspectsSchool: false,
    ...overrides,
  };
}
