/**
 * The roles, what org values are called on screen and where each role lands, without zod: the
 * inspector's first screens need them before any schema (issue #10).
 */
import type { Canteen, Ownership, Role, SchoolStage } from "./org.schema";

export const STAGE_LABELS: Record<SchoolStage, string> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  nine_year: "九年一贯制",
  senior: "高中",
  vocational: "中职",
  special: "特殊教育",
};

export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: "公办", private: "民办" };

export const CANTEEN_LABELS: Record<Canteen, string> = {
  none: "无食堂",
  self: "自营食堂",
  contracted: "承包经营",
  catering: "校外配餐",
};

/** `city` is a 市级督导室 account: it reads every district of its city and changes nothing. */
export const ROLES = ["inspector", "school", "office", "city", "admin"] as const;
export const ROLE_LABELS: Record<Role, string> = {
  inspector: "督学",
  school: "学校",
  office: "督导室",
  city: "市级督导室",
  admin: "系统管理员",
};

/** Where each role lands after sign-in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  inspector: "/inspect",
  school: "/school",
  office: "/office",
  city: "/office",
  admin: "/office",
};

/** Where every page and API sends a user who must set a new password first (after a reset). */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** Chinese names of a school's editable fields, as the form, the import file and 422 messages use them. */
export const SCHOOL_FIELD_LABELS = {
  code: "学校代码",
  name: "学校名称",
  stage: "学段",
  ownership: "办学性质",
  isVillage: "村小/教学点",
  isBoarding: "寄宿制",
  canteen: "食堂",
  hasSchoolBus: "校车",
  studentCount: "学生数",
  classCount: "班级数",
  zoneId: "督学责任区",
  address: "地址",
  principal: "校长",
  contact: "联系人",
  phone: "联系电话",
} as const;
