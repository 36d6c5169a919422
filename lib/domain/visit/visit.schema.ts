import { z } from "zod";

import { idSchema } from "../ids";
import { answerSchema } from "./answer.schema";
import { annotationShapesSchema } from "../photo/annotation";
import { MAX_PHOTO_BYTES, photoIdSchema, photoMimeSchema } from "../photo/photo.schema";
import { itemCodeSchema, templateCodeSchema, templateRefSchema } from "../template/template.schema";
import { textSchema, timestampSchema } from "../text";
import { VISIT_KINDS } from "./visit.labels";

export { VISIT_KINDS, VISIT_STATUS_LABELS } from "./visit.labels";

export const visitKindSchema = z.enum(VISIT_KINDS, { message: "请选择督导类型" });
export type VisitKind = z.infer<typeof visitKindSchema>;

export const visitStatusSchema = z.enum(["draft", "submitted"]);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/** Signed-in user ids come from the auth library (not UUIDs), so they are only non-empty strings. */
export const userIdSchema = z.string().min(1, "缺少用户编号").max(100);

/** A position fix from the phone; absent when the inspector does not allow location. */
export const geoPointSchema = z.object({
  lat: z.number().min(-90, "纬度无效").max(90, "纬度无效"),
  lng: z.number().min(-180, "经度无效").max(180, "经度无效"),
  /** Radius of the fix in metres, as the browser reports it. */
  accuracy: z.number().nonnegative("定位精度无效"),
  capturedAt: timestampSchema("定位时间"),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

/**
 * The templates a visit pins, one version per template code. At least one, except for a 复查
 * (see visitSchema), which works through the school's open items and may pin none.
 */
export const pinnedTemplatesSchema = z
  .array(templateRefSchema)
  .max(20, "检查表不能超过 20 个")
  .refine(
    (refs) => new Set(refs.map((r) => r.code)).size === refs.length,
    "同一检查表只能选择一个版本",
  );

const signerNameSchema = textSchema("签名人姓名")
  .trim()
  .min(1, "请填写签名人姓名")
  .max(50, "姓名不能超过 50 字");

/** A signature is a PNG drawn on the phone, stored like any photo (content-addressed). */
export const inspectorSignatureSchema = z.object({
  photoId: photoIdSchema,
  /** The signed-in inspector's account name (the server checks it at submit). */
  name: signerNameSchema,
  /** A second inspector on the visit, by name (no account needed); absent on older visits. */
  coInspectorName: signerNameSchema.optional(),
  signedAt: timestampSchema("签名时间"),
});
export type InspectorSignature = z.infer<typeof inspectorSignatureSchema>;

export const schoolSignatureSchema = inspectorSignatureSchema
  .omit({ coInspectorName: true })
  .extend({
    /**
     * The signer's position at the school, e.g. 校长 or 安全办主任. Required to submit (see
     * applyVisitMutation); optional here so that visits signed before that rule still read.
     */
    title: textSchema("职务").trim().max(50, "职务不能超过 50 字").optional(),
  });
export type SchoolSignature = z.infer<typeof schoolSignatureSchema>;

export const visitSignaturesSchema = z.object({
  inspector: inspectorSignatureSchema.nullable(),
  school: schoolSignatureSchema.nullable(),
});
export type VisitSignatures = z.infer<typeof visitSignaturesSchema>;

export const visitSummarySchema = textSchema("检查小结")
  .trim()
  .max(2000, "检查小结不能超过 2000 字");

/** One section of one pinned template: `${templateCode}/${section title}`. */
export const sectionIdSchema = z
  .string()
  .min(3, "无效的检查类别")
  .max(90, "无效的检查类别")
  .regex(/^[a-z][a-z0-9-]{1,39}\/./u, "无效的检查类别");

/**
 * Sections of the pinned templates the inspector left out of this visit. Their items are not
 * shown on the walk; like any item not answered, they are recorded as 未检查 on submit.
 */
export const excludedSectionsSchema = z.array(sectionIdSchema).max(300, "检查类别过多");

/** One item of one template, as stored in a visit's 未检查 list. */
export const itemRefSchema = z.object({
  templateCode: templateCodeSchema,
  itemCode: itemCodeSchema,
});
export type ItemRef = z.infer<typeof itemRefSchema>;

/** What the start screen collects (the inspector id comes from the session). */
export const visitStartInputSchema = z.object({
  schoolId: idSchema,
  inspectorId: userIdSchema,
  kind: visitKindSchema,
  /** The 专项督查 the visit is made for (kind 专项督查 only; the server checks the school is one of its targets). */
  campaignId: idSchema.nullable().optional(),
  templates: pinnedTemplatesSchema,
  /** Absent from visits started before sections could be left out. */
  excludedSections: excludedSectionsSchema.optional(),
  startedAt: timestampSchema("开始时间"),
  location: geoPointSchema.nullable(),
});
export type VisitStartInput = z.infer<typeof visitStartInputSchema>;

/** Header fields a draft may change; answers and photos are separate records. */
export const visitPatchSchema = z.object({
  kind: visitKindSchema.optional(),
  templates: pinnedTemplatesSchema.optional(),
  excludedSections: excludedSectionsSchema.optional(),
  location: geoPointSchema.nullable().optional(),
  summary: visitSummarySchema.optional(),
  signatures: visitSignaturesSchema.optional(),
  endedAt: timestampSchema("结束时间").nullable().optional(),
});
export type VisitPatch = z.infer<typeof visitPatchSchema>;

/**
 * A visit header: identical on the phone, on the wire and in the server's row mapping. Answers are
 * NOT inside it (see visitAnswerSchema) so that saving one tap on a 300-item visit writes one small
 * record, not the whole visit.
 */
export const visitSchema = z
  .object({
    /** UUIDv7 generated on the phone when the visit starts. */
    id: idSchema,
    schoolId: idSchema,
    inspectorId: userIdSchema,
    kind: visitKindSchema,
    /** The 专项督查 it was made for; absent on visits made before campaigns existed. */
    campaignId: idSchema.nullable().optional(),
    /** Pinned `code@version`s: publishing a new version never changes a visit in progress. */
    templates: pinnedTemplatesSchema,
    /** Sections left out of the walk (absent = none). */
    excludedSections: excludedSectionsSchema.optional(),
    startedAt: timestampSchema("开始时间"),
    endedAt: z.number().int().nullable(),
    location: geoPointSchema.nullable(),
    summary: visitSummarySchema,
    signatures: visitSignaturesSchema,
    /** A submitted visit is immutable; corrections are new events, never edits. */
    status: visitStatusSchema,
    submittedAt: z.number().int().nullable(),
    /**
     * Applicable items left unanswered (未检查), as the server judged them when it accepted the
     * submit. Absent on drafts, on the phone until the server's copy is pulled, and on old visits.
     */
    unchecked: z.array(itemRefSchema).max(5000).optional(),
    /** Time of the last header change (answers carry their own `answeredAt`). */
    updatedAt: z.number().int(),
  })
  .superRefine((visit, ctx) => {
    if (visit.templates.length === 0 && visit.kind !== "follow_up") {
      ctx.addIssue({ code: "custom", path: ["templates"], message: "请至少选择一个检查表" });
    }
    if (visit.endedAt !== null && visit.endedAt < visit.startedAt) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "结束时间不能早于开始时间" });
    }
    if ((visit.status === "submitted") !== (visit.submittedAt !== null)) {
      ctx.addIssue({ code: "custom", path: ["submittedAt"], message: "提交时间与检查状态不一致" });
    }
  });
export type Visit = z.infer<typeof visitSchema>;

/** One answer of one visit; stored and synced on its own, keyed by [visitId, templateCode, itemCode]. */
export const visitAnswerSchema = answerSchema.extend({ visitId: idSchema });
export type VisitAnswer = z.infer<typeof visitAnswerSchema>;

export const PHOTO_PURPOSES = ["answer", "after", "signature", "evidence"] as const;
export const photoPurposeSchema = z.enum(PHOTO_PURPOSES, { message: "无效的照片用途" });
export type PhotoPurpose = z.infer<typeof photoPurposeSchema>;
export const PHOTO_PURPOSE_LABELS: Record<PhotoPurpose, string> = {
  answer: "检查照片",
  after: "整改后照片",
  signature: "签名",
  evidence: "佐证材料",
};

export const photoAnnotationSchema = z.object({
  originalId: photoIdSchema,
  shapes: annotationShapesSchema,
});
export type PhotoAnnotation = z.infer<typeof photoAnnotationSchema>;

/** What is known about a stored photo besides its bytes. */
export const photoMetaSchema = z.object({
  /** Lowercase hex SHA-256 of the stored (compressed, watermarked) bytes. */
  id: photoIdSchema,
  visitId: idSchema,
  mime: photoMimeSchema,
  bytes: z
    .number()
    .int()
    .positive("照片为空")
    .max(MAX_PHOTO_BYTES, `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`),
  width: z.number().int().positive("照片宽度无效").max(10_000, "照片宽度无效"),
  height: z.number().int().positive("照片高度无效").max(10_000, "照片高度无效"),
  capturedAt: timestampSchema("定位时间"),
  takenBy: userIdSchema,
  location: geoPointSchema.nullable(),
  purpose: photoPurposeSchema,
  /**
   * Set on an annotated copy: the photo it was drawn on (kept, stored and synced beside it) and the
   * marks drawn, so that a later edit starts again from the original with them. The copy is the
   * evidence that answers show and documents print.
   */
  annotation: photoAnnotationSchema.optional(),
});
export type PhotoMeta = z.infer<typeof photoMetaSchema>;
