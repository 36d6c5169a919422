/** The 整改通知书 and 整改事项 endpoints (/api/notices/…, /api/rectification/…, the 台账 exports). */
import { z } from "zod";

import { rectificationActArgsSchema } from "@/lib/domain/mutations";
import { pageInfoSchema, pageQuerySchema } from "@/lib/domain/page";
import { rectificationEventSchema } from "@/lib/domain/rectification/events";
import {
  itemFiltersSchema,
  itemRowSchema,
  itemTimelineSchema,
  ledgerQuerySchema,
  reviewQueuePageSchema,
} from "@/lib/domain/rectification/ledger.schema";
import {
  noticeDetailSchema,
  noticeListQuerySchema,
  noticePageSchema,
  noticeSchema,
} from "@/lib/domain/rectification/notice.schema";
import { rectificationItemSchema } from "@/lib/domain/rectification/rectification.schema";

import { contract, pathOf } from "./contract";

/**
 * The body of an action posted online: the "rectification.act" mutation's args, less the item (in
 * the path) and the on-site time (the server's own). `expectedVersion` may be left out by a
 * caller that acts on the item as it is now.
 */
export const rectificationActRequestSchema = rectificationActArgsSchema
  .pick({ action: true, expectedVersion: true })
  .partial({ expectedVersion: true });

const itemsPath = "/api/rectification/items";
const noticePath = "/api/notices/:id";

export const rectificationContracts = {
  /** The notices the user may see, newest first, with their items' status counts. */
  notices: contract({
    method: "GET",
    path: "/api/notices",
    query: noticeListQuerySchema,
    response: noticePageSchema,
  }),
  notice: contract({
    method: "GET",
    path: noticePath,
    response: z.object({ notice: noticeDetailSchema }),
  }),
  /** The school's read receipt (first opening only); `recorded` says whether this call recorded it. */
  readNotice: contract({
    method: "POST",
    path: `${noticePath}/read`,
    response: z.object({ notice: noticeSchema, recorded: z.boolean() }),
  }),

  /** The 台账, a page at a time: `total` stops at 10,000 (`totalCapped` past it). */
  items: contract({
    method: "GET",
    path: itemsPath,
    query: ledgerQuerySchema,
    response: z.object({
      items: z.array(itemRowSchema),
      page: pageInfoSchema,
      total: z.number().int().nonnegative(),
      totalCapped: z.boolean(),
    }),
  }),
  /** One item with its timeline, the chain verification and the actions this user may take. */
  item: contract({ method: "GET", path: `${itemsPath}/:id`, response: itemTimelineSchema }),
  act: contract({
    method: "POST",
    path: `${itemsPath}/:id/actions`,
    body: rectificationActRequestSchema,
    response: z.object({ item: rectificationItemSchema, event: rectificationEventSchema }),
  }),
  /** Answers awaiting this user's 复查 and extension requests awaiting a decision, oldest first. */
  reviewQueue: contract({
    method: "GET",
    path: "/api/rectification/review-queue",
    query: pageQuerySchema,
    response: reviewQueuePageSchema,
  }),

  /** The 台账 with the ledger's filters as CSV (UTF-8 with BOM, so Excel reads the Chinese). */
  ledgerCsv: contract({
    method: "GET",
    path: "/api/office/ledger.csv",
    query: itemFiltersSchema,
    response: "file",
  }),
  /** The 台账 as .xlsx: 汇总 and one sheet per 检查领域. */
  ledgerXlsx: contract({
    method: "GET",
    path: "/api/office/ledger.xlsx",
    query: itemFiltersSchema,
    response: "file",
  }),
};

/** Where the 台账 downloads are linked, with the ledger's filters as they stand in its URL. */
export const ledgerExportPath = (format: "csv" | "xlsx", filters: Record<string, string>) =>
  pathOf(format === "csv" ? rectificationContracts.ledgerCsv : rectificationContracts.ledgerXlsx, {
    query: filters,
  });
