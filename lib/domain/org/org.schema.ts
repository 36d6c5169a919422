import { z } from "zod";

import { intSchema, textSchema } from "../text";

import { idSchema } from "../ids";

/** 学段. A 九年一贯制 school is both 小学 and 初中 for applicability. */
export const SCHOOL_STAGES = [
  "kindergarten",
  "primary",
  "junior",
  "nine_year",
  "senior",
  "vocational",
  "special",
] as const;
export const schoolStageSchema = z.enum(SCHOOL_STAGES, { message: "请选择学段" });
export type SchoolStage = z.infer<typeof schoolStageSchema>;

export const STAGE_LABELS: Record<SchoolStage, string> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  nine_year: "九年一贯制",
  senior: "高中",
  vocational: "中职",
  special: "特殊教育",
};

export const ownershipSchema = z.enum(["public", "private"], { message: "请选择办学性质" });
export type Ownership = z.infer<typeof ownershipSchema>;
export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: "公办", private: "民办" };

/** 食堂: none, run by the school itself, contracted out, or meals delivered by a caterer. */
export const canteenSchema = z.enum(["none", "self", "contracted", "catering"], {
  message: "请选择食堂类型",
});
export type Canteen = z.infer<typeof canteenSchema>;
export const CANTEEN_LABELS: Record<Canteen, string> = {
  none: "无食堂",
  self: "自营食堂",
  contracted: "承包经营",
  catering: "校外配餐",
};

/** The school attributes that decide which check items apply (DESIGN.md §2). */
export const schoolAttributesSchema = z.object({
  stage: schoolStageSchema,
  ownership: ownershipSchema,
  /** 村小 / 教学点. */
  isVillage: z.boolean(),
  /** 寄宿制: has student dormitories. */
  isBoarding: z.boolean(),
  canteen: canteenSchema,
  hasSchoolBus: z.boolean(),
  studentCount: intSchema("学生数无效").nonnegative({ message: "学生数不能为负" }),
  classCount: intSchema("班级数无效").nonnegative({ message: "班级数不能为负" }),
});
export type SchoolAttributes = z.infer<typeof schoolAttributesSchema>;

export const districtSchema = z.object({
  id: idSchema,
  code: textSchema("区县代码").trim().min(1, "请填写区县代码").max(32),
  name: textSchema("区县名称").trim().min(1, "请填写区县名称").max(64),
});
export type District = z.infer<typeof districtSchema>;

/** 督学责任区: a group of schools looked after by one or more 责任督学. */
export const zoneSchema = z.object({
  id: idSchema,
  districtId: idSchema,
  name: textSchema("责任区名称").trim().min(1, "请填写责任区名称").max(64),
});
export type Zone = z.infer<typeof zoneSchema>;

export const schoolInputSchema = schoolAttributesSchema.extend({
  code: textSchema("学校代码").trim().min(1, "请填写学校代码").max(32),
  name: textSchema("学校名称").trim().min(1, "请填写学校名称").max(100),
  address: textSchema("地址").trim().max(200),
  principal: textSchema("校长").trim().max(50),
  phone: textSchema("电话").trim().max(30),
});
export type SchoolInput = z.infer<typeof schoolInputSchema>;

export const schoolSchema = schoolInputSchema.extend({
  id: idSchema,
  districtId: idSchema,
  zoneId: idSchema,
});
export type School = z.infer<typeof schoolSchema>;

export const ROLES = ["inspector", "school", "office", "admin"] as const;
export const roleSchema = z.enum(ROLES, { message: "无效的角色" });
export type Role = z.infer<typeof roleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  inspector: "督学",
  school: "学校",
  office: "督导室",
  admin: "系统管理员",
};

/** The signed-in person as the domain sees it: one role and what it is bound to. */
export const userSchema = z.object({
  id: z.string().min(1),
  username: textSchema("用户名").trim().min(3, "用户名至少 3 个字符").max(32),
  name: textSchema("姓名").trim().min(1, "请填写姓名").max(50),
  role: roleSchema,
  /** Set for role "school": the one school this account speaks for. */
  schoolId: idSchema.nullable(),
  /** Set for roles "office" and "inspector": the district they work in. */
  districtId: idSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

/** Where each role lands after sign-in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  inspector: "/inspect",
  school: "/school",
  office: "/office",
  admin: "/office",
};

export const signInInputSchema = z.object({
  username: textSchema("用户名").trim().min(1, "请输入用户名").max(32, "用户名过长"),
  password: textSchema("密码").min(1, "请输入密码").max(128, "密码过长"),
});
export type SignInInput = z.infer<typeof signInInputSchema>;
