/**
 * The 整改台账 read model: its filters and sort as query parameters (the same names on the API, the
 * pages' URLs, the exports and the dashboard's links), and an item as lists show it, as the 复查
 * queue asks about it and as its page shows it with its history.
 */
import { z } from "zod";

import { idSchema } from "../ids";
import { pageInfoSchema, pageQuerySchema } from "../page";
import { chainVerificationSchema, rectificationEventSchema } from "./events";
import {
  RECTIFICATION_ACTION_TYPES,
  rectificationItemSchema,
  rectificationStatusSchema,
} from "./rectification.schema";
import { severitySchema, templateDomainSchema } from "../template/template.schema";
import { dateStringSchema } from "../visit/answer.schema";
import { userIdSchema } from "../visit/visit.schema";

const booleanParam = z.enum(["true", "false", "1", "0"], { message: "应为 1 或 0" });
/** "a,b,c" → ["a", "b", "c"], each checked by `element`. */
const listParam = <T extends string>(element: z.ZodType<T, string>) =>
  z
    .string()
    .transform((s) => s.split(",").filter((part) => part !== ""))
    .pipe(z.array(element));

/**
 * The 台账 filters: ?zone=&school=&inspector=&domain=&severity=&state=pending,returned&overdue=1
 * &from=2026-01-01&to=2026-03-31&q=灭火器. `from`/`to` bound the finding date (China calendar days).
 */
export const itemFiltersSchema = z.object({
  zone: idSchema.optional(),
  school: idSchema.optional(),
  inspector: z.string().min(1).max(100).optional(),
  domain: listParam(templateDomainSchema).optional(),
  severity: listParam(severitySchema).optional(),
  state: listParam(rectificationStatusSchema).optional(),
  overdue: booleanParam.transform((b) => b === "true" || b === "1").optional(),
  from: dateStringSchema.optional(),
  to: dateStringSchema.optional(),
  q: z.string().trim().max(100, "搜索词不能超过 100 字").optional(),
});
export type ItemFilters = z.infer<typeof itemFiltersSchema>;

/** How the ledger sorts: by finding date (default, newest first) or by due date. */
export const itemSortSchema = z.object({
  sort: z.enum(["found", "due"], { message: "无效的排序方式" }).optional(),
  dir: z.enum(["asc", "desc"], { message: "无效的排序方向" }).optional(),
});
export const ledgerQuerySchema = itemFiltersSchema
  .extend(itemSortSchema.shape)
  .extend(pageQuerySchema.shape);
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

/** An item as lists show it: with its school, zone, notice number, inspector, domain and days overdue today. */
export const itemRowSchema = z.object({
  item: rectificationItemSchema,
  schoolName: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  noticeNumber: z.string().nullable(),
  /** The inspector whose visit found it. */
  inspectorId: userIdSchema,
  inspectorName: z.string(),
  domain: templateDomainSchema.nullable(),
  /** The 复查 opinion that closed it (the verify_pass or verify_on_site note); null while it is not closed by review. */
  reviewNote: z.string().nullable(),
  daysOverdue: z.number().int(),
});
export type ItemRow = z.infer<typeof itemRowSchema>;

/** What the reviewer is asked to decide: a school's answer (复查), an extension request, or both. */
export const reviewTaskSchema = itemRowSchema.extend({
  awaiting: z.array(z.enum(["review", "extension"])),
});
export type ReviewTask = z.infer<typeof reviewTaskSchema>;

export const reviewQueuePageSchema = z.object({
  tasks: z.array(reviewTaskSchema),
  page: pageInfoSchema,
  total: z.number().int().nonnegative(),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePageSchema>;

/** One item with its history, the chain check, and what this user may do to it now (the buttons). */
export const itemTimelineSchema = itemRowSchema.extend({
  events: z.array(rectificationEventSchema),
  verification: chainVerificationSchema,
  allowedActions: z.array(z.enum(RECTIFICATION_ACTION_TYPES)),
});
export type ItemTimeline = z.infer<typeof itemTimelineSchema>;
