import { z } from "zod";

import { idSchema } from "../ids";
import { schoolSchema } from "../org/org.schema";
import { itemCodeSchema, severitySchema, templateSchema } from "../template/template.schema";
import { dateStringSchema } from "./answer.schema";

/** The school's last visit and its open items, for ordering "my schools" by what needs a visit. */
export const lastVisitSummarySchema = z.object({
  visitId: idSchema,
  /** Calendar date of the visit in China (UTC+8). */
  date: dateStringSchema,
  /** Score of the visit (0–100), null when its templates are not scored. */
  score: z.number().min(0).max(100).nullable(),
  /** The school's open rectification items when the pack was made. */
  openItems: z.number().int().nonnegative(),
  /** Of those, how many were past their due date. */
  overdueItems: z.number().int().nonnegative(),
});
export type LastVisitSummary = z.infer<typeof lastVisitSummarySchema>;

export const packSchoolSchema = schoolSchema.extend({
  lastVisit: lastVisitSummarySchema.nullable(),
});
export type PackSchool = z.infer<typeof packSchoolSchema>;

/**
 * An open rectification item as the phone needs it offline.
 * TODO(#5): the rectification engineer replaces this with the rectification item schema; until
 * then `status` is a loose string and only the terminal states below are interpreted.
 */
export const rectificationItemSummarySchema = z.object({
  id: idSchema,
  schoolId: idSchema,
  itemCode: itemCodeSchema,
  prompt: z.string().min(1).max(200),
  status: z.string().min(1).max(40),
  /** null for 立行立改 items, which have no deadline. */
  dueDate: dateStringSchema.nullable(),
  severity: severitySchema,
  description: z.string().max(2000),
});
export type RectificationItemSummary = z.infer<typeof rectificationItemSummarySchema>;

/** States after which an item no longer needs the inspector (已销号, 撤销). */
const TERMINAL_ITEM_STATUSES: ReadonlySet<string> = new Set(["closed", "cancelled"]);

export function isOpenItem(item: RectificationItemSummary): boolean {
  return !TERMINAL_ITEM_STATUSES.has(item.status);
}

/** What the phone downloads before going out: only the signed-in inspector's scope. */
export const visitPackSchema = z.object({
  schools: z.array(packSchoolSchema),
  /** The template versions the inspector may pin (published ones for those schools). */
  templates: z.array(templateSchema),
  openItems: z.array(rectificationItemSummarySchema),
  generatedAt: z.number().int(),
});
export type VisitPack = z.infer<typeof visitPackSchema>;
