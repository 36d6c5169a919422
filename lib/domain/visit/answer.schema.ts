import { z } from "zod";

import "../zod-locale";

import { photoIdSchema } from "../photo/photo.schema";
import {
  itemCodeSchema,
  judgementSchema,
  severitySchema,
  templateCodeSchema,
} from "../template/template.schema";
import { textSchema, timestampSchema } from "../text";

/** A calendar date in China (UTC+8, no DST): "2026-11-23". Due dates are dates, not instants. */
export const dateStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine(isCalendarDate, "日期不存在或超出范围");

/** A real day ("2026-02-30" is not) between 2000 and 2099. */
function isCalendarDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(ms) &&
    new Date(ms).toISOString().slice(0, 10) === value &&
    value >= "2000" &&
    value < "2100"
  );
}
export type DateString = z.infer<typeof dateStringSchema>;

/**
 * What the inspector decided about a non-compliant answer; absent fields fall back to the item's
 * defaults and the district's deadline policy when findings are derived.
 */
export const findingChoiceSchema = z.object({
  severity: severitySchema,
  /**
   * 立行立改: fixed during the visit, proven by an after-photo. 限期整改: a due date.
   * 先行管控 + 限期整改: the hazard stopped on the spot (photo of the control measure) and a due date.
   */
  rectification: z.discriminatedUnion(
    "mode",
    [
      z.object({
        mode: z.literal("on_site"),
        afterPhotoIds: z.array(photoIdSchema).max(10, "整改后照片不能超过 10 张"),
      }),
      z.object({ mode: z.literal("deadline"), dueDate: dateStringSchema }),
      z.object({
        mode: z.literal("control"),
        dueDate: dateStringSchema,
        controlPhotoIds: z.array(photoIdSchema).max(10, "管控措施照片不能超过 10 张"),
      }),
    ],
    { message: "请选择整改方式" },
  ),
  /** The inspector's 整改要求 for this finding; empty = the item's default `requirement`. */
  requiredAction: textSchema("整改要求").trim().max(500, "整改要求不能超过 500 字"),
});
export type FindingChoice = z.infer<typeof findingChoiceSchema>;

/** One answer to one item of one pinned template. */
export const answerSchema = z.object({
  templateCode: templateCodeSchema,
  itemCode: itemCodeSchema,
  /** The judgement; for number and choice items it is derived from `value`. null = not answered yet. */
  result: judgementSchema.nullable(),
  /** A number item's reading, a choice item's option value, or a text item's text. */
  value: z.union([z.number(), textSchema("内容").max(2000, "内容不能超过 2000 字")]).nullable(),
  note: textSchema("备注").trim().max(1000, "备注不能超过 1000 字"),
  photoIds: z.array(photoIdSchema).max(20, "每项照片不能超过 20 张"),
  /** Set when the result is 不符合 or 部分符合 and the inspector has chosen how it is rectified. */
  finding: findingChoiceSchema.nullable(),
  answeredAt: timestampSchema("作答时间"),
});
export type Answer = z.infer<typeof answerSchema>;
