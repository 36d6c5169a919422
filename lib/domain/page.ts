/**
 * A keyset page of a list (lib/server/db/keyset.ts): the query that asks for one and what the answer
 * says besides its rows. The cursors are opaque to clients; the server checks them when they return.
 */
import { z } from "zod";

import "./zod-locale";

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

export const pageQuerySchema = z.object({
  after: z.string().max(400).optional(),
  before: z.string().max(400).optional(),
  limit: z.coerce
    .number({ message: "每页条数应为数字" })
    .int("每页条数应为整数")
    .min(1, "每页至少 1 条")
    .max(PAGE_LIMIT_MAX, `每页最多 ${PAGE_LIMIT_MAX} 条`)
    .optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Cursors to the neighbouring pages (null = none) and the page's size. */
export const pageInfoSchema = z.object({
  next: z.string().nullable(),
  prev: z.string().nullable(),
  limit: z.number().int(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;
