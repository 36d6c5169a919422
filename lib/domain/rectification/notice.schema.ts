/**
 * The 整改通知书 as the server hands it out (times epoch ms) and as its list and page read it: the
 * same on the API and on the school's and office's pages.
 */
import { z } from "zod";

import { idSchema } from "../ids";
import { pageInfoSchema, pageQuerySchema } from "../page";
import { rectificationItemSchema, rectificationStatusSchema } from "./rectification.schema";
import { userIdSchema, visitKindSchema } from "../visit/visit.schema";

export const noticeSchema = z.object({
  id: idSchema,
  districtId: idSchema,
  schoolId: idSchema,
  visitId: idSchema,
  year: z.number().int(),
  serial: z.number().int().min(1),
  /** As printed, e.g. "示范督改〔2026〕第12号". */
  number: z.string().min(1),
  issuedAt: z.number().int(),
  issuedBy: userIdSchema,
  /** The school's first opening (read receipt); null while unread. */
  readAt: z.number().int().nullable(),
  readBy: userIdSchema.nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** A notice in a list: with its school, issuer, visit and how many of its items are in each state. */
export const noticeSummarySchema = noticeSchema.extend({
  schoolName: z.string(),
  issuedByName: z.string(),
  /** The visit that found the problems: its kind (挂牌督导 …) and start time (epoch ms). */
  visitKind: visitKindSchema,
  visitedAt: z.number().int(),
  itemCount: z.number().int().nonnegative(),
  statusCounts: z.record(rectificationStatusSchema, z.number().int().nonnegative()),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticeDetailSchema = noticeSummarySchema.extend({
  districtName: z.string(),
  schoolAddress: z.string(),
  /** In the notice's order (the visit's template and item order). */
  items: z.array(rectificationItemSchema),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

/** ?after= / ?before= / ?limit=, optionally one school's (?school=). */
export const noticeListQuerySchema = pageQuerySchema.extend({ school: idSchema.optional() });
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;

/** `total` and `unread` count up to the ledger's cap (10,000). */
export const noticePageSchema = z.object({
  notices: z.array(noticeSummarySchema),
  page: pageInfoSchema,
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
export type NoticePage = z.infer<typeof noticePageSchema>;
