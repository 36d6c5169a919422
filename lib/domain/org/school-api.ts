/** Request and response shapes of /api/org/schools, shared by the routes, the office pages and tests. */
import { z } from "zod";

import { idSchema } from "../ids";
import { schoolInputSchema, schoolSchema, schoolStageSchema } from "./org.schema";
import type { SchoolImportError } from "./school-import";

export const SCHOOL_PAGE_SIZE = 50;

/** The list's query string. An admin names the district; an office always gets its own. */
export const schoolListQuerySchema = z.object({
  districtId: idSchema.optional(),
  q: z.string().trim().max(50, "搜索词最多 50 个字符").optional(),
  zone: z.union([idSchema, z.literal("none")], { message: "无效的督学责任区" }).optional(),
  stage: schoolStageSchema.optional(),
  active: z.enum(["true", "false"], { message: "状态只能是 true 或 false" }).optional(),
  page: z.coerce
    .number({ message: "页码须为正整数" })
    .int("页码须为正整数")
    .min(1, "页码须为正整数")
    .default(1),
  pageSize: z.coerce
    .number({ message: "每页条数须为 1–200 的整数" })
    .int("每页条数须为 1–200 的整数")
    .min(1, "每页条数须为 1–200 的整数")
    .max(200, "每页条数须为 1–200 的整数")
    .default(SCHOOL_PAGE_SIZE),
});
export type SchoolListQueryInput = z.input<typeof schoolListQuerySchema>;

export const schoolListItemSchema = schoolSchema.extend({ zoneName: z.string().nullable() });
export type SchoolListItem = z.infer<typeof schoolListItemSchema>;

export const schoolListResponseSchema = z.object({
  schools: z.array(schoolListItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type SchoolListResponse = z.infer<typeof schoolListResponseSchema>;

/** A file without errors: how many schools it holds, creates and updates, and whether it was imported. */
export const schoolImportedSchema = z.object({
  ok: z.literal(true),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Of `updated`: existing schools whose zone the file changes (each an audited 调整学校责任区). */
  moved: z.number().int(),
  isImported: z.boolean(),
});
export type SchoolImported = z.infer<typeof schoolImportedSchema>;

/**
 * What the import service finds, for the preview and for the import itself: the counts, or every
 * error by row and column (the endpoint answers those as a 422 refusal with `rows`).
 */
export type SchoolImportResponse =
  SchoolImported | { ok: false; message: string; errors: SchoolImportError[] };

/** Why a PATCH may not move a school: the move has its own endpoint, which the audit log records. */
export const ZONE_MOVE_MESSAGE =
  "督学责任区不能在此修改：请用“调整督学责任区”（PUT /api/org/schools/{id}/zone），调整会记入操作日志";

/**
 * PATCH /api/org/schools/{id}: any of the editable fields; anything else (district, id …) is
 * refused, and so is the zone: a school changes zone only through moveSchool, audited.
 */
export const schoolPatchRequestSchema = z.strictObject(
  schoolInputSchema.omit({ zoneId: true }).partial().shape,
  {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      if (issue.keys.includes("zoneId")) return ZONE_MOVE_MESSAGE;
      return `不能通过此接口修改：${issue.keys.join("、")}`;
    },
  },
);
export type SchoolPatch = z.input<typeof schoolPatchRequestSchema>;

/** POST /api/org/schools: a school; an admin names its district. */
export const createSchoolRequestSchema = schoolInputSchema.extend({
  districtId: z.uuid({ version: "v7", message: "无效的区县" }).optional(),
});
