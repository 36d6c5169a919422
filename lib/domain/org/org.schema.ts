import { z } from "zod";

import { idSchema } from "../ids";
import { textSchema } from "../text";
import { ROLES, SCHOOL_FIELD_LABELS } from "./org.labels";

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

export const ownershipSchema = z.enum(["public", "private"], { message: "请选择办学性质" });
export type Ownership = z.infer<typeof ownershipSchema>;

/** 食堂: none, run by the school itself, contracted out, or meals delivered by a caterer. */
export const canteenSchema = z.enum(["none", "self", "contracted", "catering"], {
  message: "请选择食堂类型",
});
export type Canteen = z.infer<typeof canteenSchema>;

const count = (label: string) =>
  z
    .number({ message: `${label}须为整数` })
    .int(`${label}须为整数`)
    .nonnegative(`${label}不能为负`)
    .max(100_000, `${label}过大`);

/** The school attributes that decide which check items apply (docs/architecture.md §2). */
export const schoolAttributesSchema = z.object({
  stage: schoolStageSchema,
  ownership: ownershipSchema,
  /** 村小 / 教学点. */
  isVillage: z.boolean({ message: "村小/教学点须为是或否" }),
  /** 寄宿制: has student dormitories. */
  isBoarding: z.boolean({ message: "寄宿制须为是或否" }),
  canteen: canteenSchema,
  hasSchoolBus: z.boolean({ message: "校车须为是或否" }),
  studentCount: count("学生数"),
  classCount: count("班级数"),
});
export type SchoolAttributes = z.infer<typeof schoolAttributesSchema>;

/** 市: optional level above districts; its 市级督导室 account reads every district of the city. */
export const cityInputSchema = z.object({
  code: z.string().trim().min(1, "请填写市代码").max(32, "市代码最多 32 个字符"),
  name: z.string().trim().min(1, "请填写市名称").max(64, "市名称最多 64 个字符"),
});
export type CityInput = z.infer<typeof cityInputSchema>;
export const citySchema = cityInputSchema.extend({ id: idSchema, active: z.boolean() });
export type City = z.infer<typeof citySchema>;

export const districtSchema = z.object({
  id: idSchema,
  code: textSchema("区县代码").trim().min(1, "请填写区县代码").max(32, "区县代码最多 32 个字符"),
  name: textSchema("区县名称").trim().min(1, "请填写区县名称").max(64, "区县名称最多 64 个字符"),
});
export type District = z.infer<typeof districtSchema>;

/** 督学责任区: a group of schools looked after by one or more 责任督学. */
export const zoneSchema = z.object({
  id: idSchema,
  districtId: idSchema,
  name: textSchema("责任区名称").trim().min(1, "请填写责任区名称").max(64),
});
export type Zone = z.infer<typeof zoneSchema>;

export { SCHOOL_FIELD_LABELS };
export type SchoolField = keyof typeof SCHOOL_FIELD_LABELS;

/**
 * What an office edits about a school: everything that decides applicability and the contact facts a
 * notice prints. The code (学校代码) is unique within a district and is the key an import matches on.
 * A school may have no 督学责任区 yet (imported before zones exist); it is then in nobody's pack.
 */
export const schoolInputSchema = schoolAttributesSchema.extend({
  code: textSchema("学校代码")
    .trim()
    .min(1, "请填写学校代码")
    .max(32, "学校代码最多 32 个字符")
    .regex(/^[0-9A-Za-z_-]*$/, "学校代码只能由数字、字母、- 和 _ 组成"),
  name: textSchema("学校名称").trim().min(1, "请填写学校名称").max(100, "学校名称最多 100 个字符"),
  address: textSchema("地址").trim().max(200, "地址最多 200 个字符"),
  principal: textSchema("校长").trim().max(50, "校长姓名最多 50 个字符"),
  contact: textSchema("联系人").trim().max(50, "联系人姓名最多 50 个字符"),
  phone: textSchema("联系电话")
    .trim()
    .max(30, "联系电话最多 30 个字符")
    .regex(/^[0-9+\-() ]*$/, "联系电话只能包含数字、空格和 + - ( )"),
  zoneId: z.uuid({ version: "v7", message: "无效的督学责任区" }).nullable(),
});
export type SchoolInput = z.infer<typeof schoolInputSchema>;

/**
 * A stored school, as the office list and the visit pack carry it. `contact` and `isActive` have
 * defaults so packs saved on a phone before they existed still read.
 */
export const schoolSchema = schoolInputSchema.extend({
  id: idSchema,
  districtId: idSchema,
  contact: z.string().default(""),
  /** Deactivated schools keep their history but leave packs and new visits. */
  isActive: z.boolean().default(true),
});
export type School = z.infer<typeof schoolSchema>;

export const roleSchema = z.enum(ROLES, { message: "无效的角色" });
export type Role = z.infer<typeof roleSchema>;

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
  /** Set for role "city": the city whose districts it reads. */
  cityId: idSchema.nullable().default(null),
  /** After a reset: every page and API but 修改密码 is closed until a new password is set. */
  mustChangePassword: z.boolean().default(false),
});
export type User = z.infer<typeof userSchema>;

export const signInInputSchema = z.object({
  username: textSchema("用户名").trim().min(1, "请输入用户名").max(32, "用户名过长"),
  password: textSchema("密码").min(1, "请输入密码").max(128, "密码过长"),
});
export type SignInInput = z.infer<typeof signInInputSchema>;
