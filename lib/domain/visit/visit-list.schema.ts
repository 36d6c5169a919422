import { z } from "zod";

import "../zod-locale";

import { idSchema } from "../ids";
import { dateStringSchema } from "./answer.schema";
import { userIdSchema, visitKindSchema } from "./visit.schema";

/**
 * The office's filters over submitted visits (GET /api/office/visits and /office/visits), one
 * string per key as a query string carries them. `after` is the keyset cursor of the next page.
 */
export const visitListQuerySchema = z
  .object({
    zoneId: idSchema.optional(),
    schoolId: idSchema.optional(),
    inspectorId: userIdSchema.optional(),
    kind: visitKindSchema.optional(),
    campaignId: idSchema.optional(),
    from: dateStringSchema.optional(),
    to: dateStringSchema.optional(),
    findings: z.enum(["yes", "no"], { message: "请选择是否有问题" }).optional(),
    after: z
      .string()
      .regex(/^\d{1,15}_[0-9a-f-]{36}$/, "分页参数无效")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "结束日期不能早于开始日期",
  });
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

/** The keyset cursor after a row: its start time and id. */
export function visitCursor(row: { startedAt: number; id: string }): string {
  return `${row.startedAt}_${row.id}`;
}

export function parseVisitCursor(cursor: string): { startedAt: number; id: string } {
  const [startedAt, id] = cursor.split("_") as [string, string];
  return { startedAt: Number(startedAt), id };
}

/** One submitted visit as the office's visit list shows it. */
export const visitListRowSchema = z.object({
  id: idSchema,
  kind: visitKindSchema,
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  submittedAt: z.number().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  zoneName: z.string().nullable(),
  inspectorName: z.string(),
  campaignName: z.string().nullable(),
  findings: z.number().int(),
  noticeId: z.string().nullable(),
  noticeNumber: z.string().nullable(),
});
export type VisitListRow = z.infer<typeof visitListRowSchema>;
