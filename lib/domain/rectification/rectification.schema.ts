import { z } from "zod";

import { idSchema } from "../ids";
import { roleSchema } from "../org/org.schema";
import { photoIdSchema } from "../photo/photo.schema";
import { findingSchema } from "../template/findings.schema";
import { itemCodeSchema, severitySchema, templateCodeSchema } from "../template/template.schema";
import { textSchema, timestampSchema } from "../text";
import { dateStringSchema } from "../visit/answer.schema";

/** The 整改事项 lifecycle (docs/architecture.md §2). Overdue is derived from the due date, never a status. */
export const RECTIFICATION_STATUSES = [
  "pending",
  "in_progress",
  "submitted",
  "returned",
  "closed",
  "cancelled",
] as const;
export const rectificationStatusSchema = z.enum(RECTIFICATION_STATUSES, {
  message: "无效的整改状态",
});
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>;

export { FINAL_STATUSES, isFinalStatus } from "./open-item";
export { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS } from "./rectification.labels";

/** 立行立改 (fixed during the visit), 限期整改 (by a due date) or 先行管控 + 限期整改 (stopped now, fixed by a due date). */
export const rectificationModeSchema = z.enum(["on_site", "deadline", "control"], {
  message: "请选择整改方式",
});
export type RectificationMode = z.infer<typeof rectificationModeSchema>;
export const RECTIFICATION_MODE_LABELS: Record<RectificationMode, string> = {
  on_site: "立行立改",
  deadline: "限期整改",
  control: "先行管控、限期整改",
};

/** 约谈 / 通报批评 / 挂牌督办: recorded on the item, never a status of their own. */
export const escalationKindSchema = z.enum(["interview", "circular", "supervised"], {
  message: "请选择督办方式",
});
export type EscalationKind = z.infer<typeof escalationKindSchema>;
export const ESCALATION_LABELS: Record<EscalationKind, string> = {
  interview: "约谈",
  circular: "通报批评",
  supervised: "挂牌督办",
};

/** Users come from the auth library, whose ids are not UUIDs. */
const userIdSchema = z.string().min(1, "无效的用户编号");
const photoListSchema = z.array(photoIdSchema).max(20, "照片不能超过 20 张");
const reasonSchema = (missing: string) =>
  textSchema("理由").trim().min(2, missing).max(500, "理由不能超过 500 字");

/** The school's latest 整改报告 for the item. */
export const schoolResponseSchema = z.object({
  text: textSchema("整改情况说明")
    .trim()
    .min(5, "整改情况说明至少 5 个字")
    .max(2000, "整改情况说明不能超过 2000 字"),
  photoIds: photoListSchema.min(1, "请至少上传 1 张整改后照片"),
  submittedAt: timestampSchema("提交时间"),
});
export type SchoolResponse = z.infer<typeof schoolResponseSchema>;

/** A 延期申请 awaiting the office's decision; at most one at a time. */
export const extensionRequestSchema = z.object({
  requestedDueDate: dateStringSchema,
  reason: reasonSchema("请填写延期理由"),
  requestedAt: timestampSchema("申请时间"),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

export const escalationSchema = z.object({
  kind: escalationKindSchema,
  note: reasonSchema("请填写督办说明"),
  actorId: userIdSchema,
  escalatedAt: timestampSchema("督办时间"),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** What a finding fixes when it becomes an item; also the payload of the item's "created" event. */
export const rectificationItemInputSchema = z.object({
  id: idSchema,
  districtId: idSchema,
  schoolId: idSchema,
  visitId: idSchema,
  /** The 整改通知书 listing the item; null until the notice is issued. */
  noticeId: idSchema.nullable(),
  templateCode: templateCodeSchema,
  templateVersion: z.number().int().min(1),
  itemCode: itemCodeSchema,
  /** Copied from the pinned template so the item reads the same after the template moves on. */
  section: z.string().trim().min(1).max(40),
  /** The item's finding statement ("未落实学校负责人陪餐制度"): the item's heading, never a 是否 prompt. */
  prompt: z.string().trim().min(1).max(200),
  /** The item's basis as printed (formatBasis): 《全称》（文号）第X条, or 地方实践. */
  basis: z.string().trim().min(1).max(1000),
  severity: severitySchema,
  /** Same rule as the finding it comes from, so every finding can become an item. */
  description: findingSchema.shape.description,
  requiredAction: textSchema("整改要求").trim().max(500, "整改要求不能超过 500 字"),
  mode: rectificationModeSchema,
  /** China calendar date the fix is due. Set for 限期整改 and 先行管控; null for 立行立改, which has no deadline. */
  dueDate: dateStringSchema.nullable(),
  /** The inspector's photos of the finding ("before"), then those of the 先行管控 measure. */
  photoIds: photoListSchema,
});
export type RectificationItemInput = z.infer<typeof rectificationItemInputSchema>;

/** A stored 整改事项: the same on the server, on the wire and in the inspector's visit pack. */
export const rectificationItemSchema = rectificationItemInputSchema.extend({
  status: rectificationStatusSchema,
  /** The inspector's own "after" photos: taken at the visit (立行立改) or at the 复查 that passed it. */
  afterPhotoIds: photoListSchema,
  /** The school's latest answer; earlier answers live in the event history. */
  response: schoolResponseSchema.nullable(),
  extension: extensionRequestSchema.nullable(),
  /** Why it was last sent back; kept after the school answers again so the reviewer sees what was asked. */
  returnReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  escalations: z.array(escalationSchema),
  /** When it was 销号; null otherwise (a cancelled item is not closed). */
  closedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** 1 at creation, +1 per transition: always the seq of the item's latest event. */
  version: z.number().int().min(1),
});
export type RectificationItem = z.infer<typeof rectificationItemSchema>;

const acknowledgeActionSchema = z.object({ type: z.literal("acknowledge") });
const respondActionSchema = z.object({
  type: z.literal("respond"),
  text: schoolResponseSchema.shape.text,
  photoIds: schoolResponseSchema.shape.photoIds,
});
const requestExtensionActionSchema = z.object({
  type: z.literal("request_extension"),
  requestedDueDate: dateStringSchema,
  reason: extensionRequestSchema.shape.reason,
});
/** The office's 审批意见 is required; it may grant another date than the one asked for. */
const approveExtensionActionSchema = z.object({
  type: z.literal("approve_extension"),
  comment: reasonSchema("请填写审批意见"),
  dueDate: dateStringSchema.optional(),
});
const refuseExtensionActionSchema = z.object({
  type: z.literal("refuse_extension"),
  reason: reasonSchema("请填写不同意延期的理由"),
});
const verifyPassActionSchema = z.object({
  type: z.literal("verify_pass"),
  note: textSchema("复查意见").trim().max(500, "复查意见不能超过 500 字"),
  /** Photos the reviewer took at the 复查, if any. */
  photoIds: photoListSchema,
});
/**
 * A return gives the school a new deadline: the reviewer's date, or (when a phone sent none) the
 * district's policy (proposedReturnDueDate), filled in by the server before `transition`.
 */
const verifyReturnActionSchema = z.object({
  type: z.literal("verify_return"),
  reason: reasonSchema("请填写退回理由"),
  dueDate: dateStringSchema.optional(),
});
const escalateActionSchema = z.object({
  type: z.literal("escalate"),
  kind: escalationKindSchema,
  note: escalationSchema.shape.note,
});
const cancelActionSchema = z.object({
  type: z.literal("cancel"),
  reason: reasonSchema("请填写撤销理由"),
});
/**
 * 现场核实已整改: at a 复查 the inspector sees an item the school never reported fixed, and closes
 * it on what they saw; the after-photo is the only evidence, so it is required.
 */
const verifyOnSiteActionSchema = z.object({
  type: z.literal("verify_on_site"),
  note: verifyPassActionSchema.shape.note,
  photoIds: photoListSchema.min(1, "现场核实销号须至少拍 1 张整改后照片"),
});
/** 仍未整改: what the inspector saw at a 复查; the item keeps its state and deadline. */
const recordStillOpenActionSchema = z.object({
  type: z.literal("record_still_open"),
  note: textSchema("现场情况")
    .trim()
    .min(2, "请填写现场看到的情况")
    .max(500, "现场情况不能超过 500 字"),
});
const closeOnSiteActionSchema = z.object({
  type: z.literal("close_on_site"),
  photoIds: photoListSchema.min(1, "立行立改须至少上传 1 张整改后照片"),
});

/** Everything a person can do to an item. Parsed at the API and sync boundaries, and again by `transition`. */
export const rectificationActionSchema = z.discriminatedUnion(
  "type",
  [
    acknowledgeActionSchema,
    respondActionSchema,
    requestExtensionActionSchema,
    approveExtensionActionSchema,
    refuseExtensionActionSchema,
    verifyPassActionSchema,
    verifyReturnActionSchema,
    escalateActionSchema,
    cancelActionSchema,
    closeOnSiteActionSchema,
    verifyOnSiteActionSchema,
    recordStillOpenActionSchema,
  ],
  { message: "无效的操作" },
);
export type RectificationAction = z.infer<typeof rectificationActionSchema>;
export type RectificationActionType = RectificationAction["type"];
export const RECTIFICATION_ACTION_TYPES = rectificationActionSchema.options.map(
  (option) => option.shape.type.value,
);

/** The person acting, as the server resolved them; `inspectsSchool` is the server's scope answer. */
export const rectificationActorSchema = z.object({
  userId: userIdSchema,
  role: roleSchema,
  /** Set for role "school": the one school the account speaks for. */
  schoolId: idSchema.nullable(),
  /** True when the user is an inspector responsible for the item's school (its 督学责任区). */
  inspectsSchool: z.boolean(),
});
export type RectificationActor = z.infer<typeof rectificationActorSchema>;
