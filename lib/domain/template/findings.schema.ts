import { z } from "zod";

import "../zod-locale";

import {
  judgementSchema,
  templateCodeSchema,
  templateItemSchema,
  templateVersionSchema,
} from "./template.schema";
import { answerSchema, findingChoiceSchema } from "../visit/answer.schema";

/**
 * A 不符合/部分符合 answer on an applicable item, with everything the 整改通知书 and the
 * rectification item need: the item's words and basis as pinned, and the decided severity and plan.
 */
export const findingSchema = z.object({
  templateCode: templateCodeSchema,
  templateVersion: templateVersionSchema,
  itemCode: templateItemSchema.shape.code,
  section: templateItemSchema.shape.section,
  prompt: templateItemSchema.shape.prompt,
  finding: templateItemSchema.shape.finding,
  basis: templateItemSchema.shape.basis,
  result: judgementSchema.extract(["fail", "partial"], {
    message: "只有不符合或部分符合才形成整改事项",
  }),
  severity: findingChoiceSchema.shape.severity,
  /** The item's finding statement, the reading (for number and choice items) and the inspector's note. */
  description: z.string().trim().min(1, "请填写问题描述").max(2000, "问题描述不能超过 2000 字"),
  /** The inspector's 整改要求, else the item's default requirement. */
  requiredAction: z.string().trim().min(1, "请填写整改要求").max(500, "整改要求不能超过 500 字"),
  rectification: findingChoiceSchema.shape.rectification,
  /** The answer's photos: the evidence of the problem. */
  photoIds: answerSchema.shape.photoIds,
  /** When the inspector recorded it on site (the answer's phone time); absent when not known. */
  occurredAt: z.number().int().optional(),
});
export type Finding = z.infer<typeof findingSchema>;
