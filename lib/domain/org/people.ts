import { z } from "zod";

import { idSchema } from "../ids";
import { cityInputSchema, districtSchema, roleSchema, userSchema, zoneSchema } from "./org.schema";

/**
 * People and organisation management (issue #8): the shared request and response shapes of
 * /api/org/… and /api/users/…, and the pure rules around accounts (one-time passwords, school
 * account names, what an audit entry records). Every message names the field in Chinese.
 */

export const MIN_PASSWORD_LENGTH = 8;
const activeSchema = z.boolean({ message: "状态只能是启用或停用" });

/** An update body: these optional fields only; any other key is refused with `message`. */
function onlyFields<T extends z.ZodRawShape>(shape: T, message: string) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? message : undefined),
  });
}
const usernameSchema = z
  .string({ message: "请填写用户名" })
  .trim()
  .toLowerCase()
  .min(3, "用户名至少 3 个字符")
  .max(32, "用户名最多 32 个字符")
  // better-auth's username plugin accepts letters, digits, underscores and dots only.
  .regex(/^[a-z0-9_.]+$/, "用户名只能包含字母、数字、下划线和点");
const nameSchema = z
  .string({ message: "请填写姓名" })
  .trim()
  .min(1, "请填写姓名")
  .max(50, "姓名最多 50 个字符");
const phoneSchema = z
  .string({ message: "手机号格式不正确" })
  .trim()
  .regex(/^$|^[0-9+\-\s]{5,20}$/, "手机号格式不正确");
const zoneIdsSchema = z
  .array(idSchema, { message: "请选择督学责任区" })
  .max(50, "责任区最多 50 个");

/** A person as the office's people list shows them. */
export const personSchema = userSchema
  .pick({
    id: true,
    username: true,
    name: true,
    role: true,
    schoolId: true,
    districtId: true,
    cityId: true,
  })
  .extend({
    phone: z.string(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    zoneIds: z.array(idSchema),
    schoolName: z.string().nullable(),
  });
export type Person = z.infer<typeof personSchema>;

/**
 * A new account. Office staff and inspectors belong to a district; a school account to a school
 * (its district follows from the school); a 市级督导室 account to a city.
 */
export const createUserInputSchema = z
  .object({
    username: usernameSchema,
    name: nameSchema,
    phone: phoneSchema.default(""),
    role: roleSchema,
    districtId: idSchema.nullable().default(null),
    schoolId: idSchema.nullable().default(null),
    cityId: idSchema.nullable().default(null),
    zoneIds: zoneIdsSchema.default([]),
  })
  .superRefine((input, ctx) => {
    const need = (field: "districtId" | "schoolId" | "cityId", message: string) => {
      if (input[field] === null) ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (input.role === "office" || input.role === "inspector") need("districtId", "请选择所属区县");
    if (input.role === "school") need("schoolId", "请选择学校");
    if (input.role === "city") need("cityId", "请选择所属市");
    if (input.role !== "inspector" && input.zoneIds.length > 0) {
      ctx.addIssue({ code: "custom", path: ["zoneIds"], message: "只有督学可以分配督学责任区" });
    }
  });
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

/**
 * What the office may change on someone else's account. Username, role and binding are fixed at
 * creation: a changed role or school would silently move the person's history.
 */
export const updateUserInputSchema = onlyFields(
  { name: nameSchema.optional(), phone: phoneSchema.optional(), zoneIds: zoneIdsSchema.optional() },
  "只能修改姓名、手机号和督学责任区",
);
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/** Filters of the people list. */
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(50, "搜索词最多 50 个字符").optional(),
  role: roleSchema.optional(),
  zoneId: idSchema.optional(),
  districtId: idSchema.optional(),
  status: z.enum(["active", "disabled"], { message: "状态只能是启用或停用" }).optional(),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

/** One-time passwords: 10 characters without look-alikes (0/O, 1/l/I), easy to read off paper. */
const OTP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
export const ONE_TIME_PASSWORD_LENGTH = 10;

/** A one-time password from `random` bytes (crypto-random on the server; fixed in tests). */
export function oneTimePassword(random: (count: number) => Uint8Array): string {
  let out = "";
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % OTP_ALPHABET.length);
  while (out.length < ONE_TIME_PASSWORD_LENGTH) {
    for (const byte of random(ONE_TIME_PASSWORD_LENGTH * 2)) {
      if (byte < limit && out.length < ONE_TIME_PASSWORD_LENGTH)
        out += OTP_ALPHABET[byte % OTP_ALPHABET.length];
    }
  }
  return out;
}

/** The school account's username: its school code, lower-cased and stripped to what usernames allow. */
export function schoolAccountUsername(schoolCode: string): string {
  const base = schoolCode.toLowerCase().replace(/[^a-z0-9_.]/g, "");
  return `school_${base.padStart(3, "0")}`;
}

/** 修改密码: the current password proves it is the person, not someone at an unlocked screen. */
export const changePasswordInputSchema = z
  .object({
    currentPassword: z
      .string({ message: "请输入当前密码" })
      .min(1, "请输入当前密码")
      .max(128, "密码过长"),
    newPassword: z
      .string({ message: "请输入新密码" })
      .min(MIN_PASSWORD_LENGTH, `新密码至少 ${MIN_PASSWORD_LENGTH} 个字符`)
      .max(128, "新密码最多 128 个字符"),
    confirmPassword: z.string({ message: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "两次输入的新密码不一致",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "新密码不能与当前密码相同",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/** A generated password, shown once to whoever reset or created the account. */
export const oneTimeCredentialSchema = z.object({
  userId: z.string().min(1),
  username: z.string(),
  password: z.string(),
});
export type OneTimeCredential = z.infer<typeof oneTimeCredentialSchema>;

/** Bulk school accounts: for the listed schools, or every school of the district lacking one. */
export const bulkSchoolAccountsInputSchema = z
  .object({
    districtId: idSchema.optional(),
    schoolIds: z
      .array(idSchema, { message: "请选择学校" })
      .min(1, "请至少选择一所学校")
      .max(5000)
      .optional(),
  })
  .refine((v) => v.districtId !== undefined || v.schoolIds !== undefined, {
    path: ["schoolIds"],
    message: "请选择学校或区县",
  });
export type BulkSchoolAccountsInput = z.infer<typeof bulkSchoolAccountsInputSchema>;

/** One row of the printed credential sheet (学校, 学校代码, 账号, 初始密码). */
export const credentialRowSchema = z.object({
  schoolName: z.string().min(1, "请填写学校名称").max(100),
  schoolCode: z.string().min(1, "请填写学校代码").max(32),
  username: z.string().min(1, "请填写账号").max(32),
  password: z.string().min(1, "请填写初始密码").max(128),
});
export type CredentialRow = z.infer<typeof credentialRowSchema>;
export const credentialSheetInputSchema = z.object({
  rows: z
    .array(credentialRowSchema, { message: "没有可打印的账号" })
    .min(1, "没有可打印的账号")
    .max(5000),
});

export const bulkSchoolAccountsResultSchema = z.object({
  created: z.array(credentialRowSchema.extend({ userId: z.string() })),
  /** Schools that already had an account and were left alone. */
  skipped: z.number().int().nonnegative(),
});
export type BulkSchoolAccountsResult = z.infer<typeof bulkSchoolAccountsResultSchema>;

// ── Organisation inputs ───────────────────────────────────────────────────────────────────────

export const createCityInputSchema = cityInputSchema;
export const updateCityInputSchema = onlyFields(
  { name: cityInputSchema.shape.name.optional(), active: activeSchema.optional() },
  "只能修改名称和状态",
);

export const districtInputSchema = districtSchema.pick({ code: true, name: true }).extend({
  noticePrefix: z.string().trim().min(1, "请填写通知书文号前缀").max(20, "文号前缀最多 20 个字符"),
  cityId: idSchema.nullable().default(null),
});
export type DistrictInput = z.infer<typeof districtInputSchema>;
export const updateDistrictInputSchema = onlyFields(
  {
    name: districtInputSchema.shape.name.optional(),
    noticePrefix: districtInputSchema.shape.noticePrefix.optional(),
    cityId: idSchema.nullable().optional(),
    active: activeSchema.optional(),
  },
  "只能修改名称、文号前缀、所属市和状态",
);

export const zoneInputSchema = zoneSchema.pick({ districtId: true, name: true });
export const updateZoneInputSchema = onlyFields(
  { name: zoneSchema.shape.name.optional(), active: activeSchema.optional() },
  "只能修改名称和状态",
);
export const zoneInspectorsInputSchema = z.object({
  userIds: z
    .array(z.string().min(1), { message: "请选择督学" })
    .max(100, "一个责任区最多 100 名督学"),
});
export const moveSchoolInputSchema = z.object({ zoneId: idSchema });

export const districtViewSchema = districtInputSchema.extend({
  id: idSchema,
  cityId: idSchema.nullable(),
  active: z.boolean(),
});
export type DistrictView = z.infer<typeof districtViewSchema>;
export const zoneViewSchema = zoneSchema.extend({
  active: z.boolean(),
  inspectorIds: z.array(z.string()),
  schoolCount: z.number().int().nonnegative(),
});
export type ZoneView = z.infer<typeof zoneViewSchema>;

// ── Audit log ─────────────────────────────────────────────────────────────────────────────────

export const AUDIT_ACTIONS = [
  "city.create",
  "city.update",
  "district.create",
  "district.update",
  "zone.create",
  "zone.update",
  "zone.inspectors",
  "school.zone",
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.reset_password",
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS, { message: "未知的操作类型" });
export type AuditAction = z.infer<typeof auditActionSchema>;
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "city.create": "新建市",
  "city.update": "修改市",
  "district.create": "新建区县",
  "district.update": "修改区县",
  "zone.create": "新建责任区",
  "zone.update": "修改责任区",
  "zone.inspectors": "调整责任区督学",
  "school.zone": "调整学校责任区",
  "user.create": "开设账号",
  "user.update": "修改账号",
  "user.disable": "停用账号",
  "user.enable": "启用账号",
  "user.reset_password": "重置密码",
};

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.number().int(),
  actorId: z.string(),
  actorName: z.string(),
  action: auditActionSchema,
  targetId: z.string(),
  targetLabel: z.string(),
  districtId: idSchema.nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  action: auditActionSchema.optional(),
  actorId: z.string().min(1).max(64).optional(),
  targetId: z.string().min(1).max(64).optional(),
  districtId: idSchema.optional(),
  from: z.iso.date({ message: "开始日期格式应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ message: "结束日期格式应为 YYYY-MM-DD" }).optional(),
  page: z.coerce
    .number({ message: "页码须是数字" })
    .int("页码须是整数")
    .min(1, "页码从 1 开始")
    .default(1),
  pageSize: z.coerce
    .number({ message: "每页条数须是数字" })
    .int()
    .min(1)
    .max(200, "每页最多 200 条")
    .default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/**
 * Before → after for the audit log: only the fields that changed, so an entry reads as what was
 * done. Arrays compare as sets (zone ids in any order are the same assignment).
 */
export function auditDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in after)) continue;
    if (sameValue(before[key], after[key])) continue;
    changedBefore[key] = before[key] ?? null;
    changedAfter[key] = after[key] ?? null;
  }
  return Object.keys(changedAfter).length === 0
    ? null
    : { before: changedBefore, after: changedAfter };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = a.map(String).sort();
    const right = b.map(String).sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** `base`, or `base_2`, `base_3` … the first one not in `taken` (school codes repeat across districts). */
export function uniqueUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 28)}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
