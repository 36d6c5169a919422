import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { VISIT_KIND_LABELS } from "@/lib/domain/visit/visit.labels";
import {
  geoPointSchema,
  photoMetaSchema,
  pinnedTemplatesSchema,
  schoolSignatureSchema,
  visitAnswerSchema,
  visitKindSchema,
  visitPatchSchema,
  visitSchema,
  visitStartInputSchema,
} from "@/lib/domain/visit/visit.schema";

import {
  aFailingAnswer,
  aLocation,
  aPhotoMeta,
  aSchoolSignature,
  aStartInput,
  aSubmittedVisit,
  aVisit,
  aVisitAnswer,
  MINUTE,
  STARTED_AT,
} from "@/test/helpers/builders/visit";

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("visitKindSchema", () => {
  it("has a Chinese label for every kind", () => {
    expect(VISIT_KIND_LABELS).toEqual({
      routine: "挂牌督导",
      campaign: "专项督查",
      follow_up: "复查/回访",
      unannounced: "随机暗访",
      joint: "联合检查",
    });
  });

  it("rejects an unknown kind", () => {
    expect(issuesOf(visitKindSchema, "audit")).toEqual([{ path: "", message: "请选择督导类型" }]);
  });
});

describe("geoPointSchema", () => {
  it("accepts a position fix", () => {
    expect(geoPointSchema.safeParse(aLocation()).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["latitude", { lat: 91 }, "lat", "纬度无效"],
    ["longitude", { lng: -181 }, "lng", "经度无效"],
    ["accuracy", { accuracy: -1 }, "accuracy", "定位精度无效"],
  ])("rejects an invalid %s", (_name, override, path, message) => {
    expect(issuesOf(geoPointSchema, aLocation(override))).toContainEqual({ path, message });
  });
});

describe("pinnedTemplatesSchema", () => {
  it("accepts templates with distinct codes", () => {
    const refs = [
      { code: "campus-safety", version: 2 },
      { code: "food-safety", version: 1 },
    ];
    expect(pinnedTemplatesSchema.safeParse(refs).success).toBe(true);
  });

  it.each<[string, unknown, string]>([
    [
      "two versions of one template",
      [
        { code: "campus-safety", version: 1 },
        { code: "campus-safety", version: 2 },
      ],
      "同一检查表只能选择一个版本",
    ],
  ])("rejects %s", (_name, refs, message) => {
    expect(issuesOf(pinnedTemplatesSchema, refs)).toContainEqual({ path: "", message });
  });
});

describe("schoolSignatureSchema", () => {
  it("accepts a signature with or without a title", () => {
    expect(schoolSignatureSchema.safeParse(aSchoolSignature()).success).toBe(true);
    expect(schoolSignatureSchema.safeParse(aSchoolSignature({ title: undefined })).success).toBe(
      true,
    );
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a blank name", { name: "  " }, "name", "请填写签名人姓名"],
    [
      "a photo id that is not a SHA-256",
      { photoId: "abc" },
      "photoId",
      "照片编号应为 64 位十六进制 SHA-256",
    ],
    ["an overlong title", { title: "长".repeat(51) }, "title", "职务不能超过 50 字"],
  ])("rejects %s", (_name, override, path, message) => {
    expect(issuesOf(schoolSignatureSchema, aSchoolSignature(override))).toContainEqual({
      path,
      message,
    });
  });
});

describe("visitStartInputSchema", () => {
  it("accepts a start without location", () => {
    expect(visitStartInputSchema.safeParse(aStartInput({ location: null })).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["a school id that is not a UUIDv7", { schoolId: "school-1" }, "schoolId", "无效的编号"],
    ["a missing inspector", { inspectorId: "" }, "inspectorId", "缺少用户编号"],
  ])("rejects %s", (_name, override, path, message) => {
    expect(issuesOf(visitStartInputSchema, aStartInput(override))).toContainEqual({
      path,
      message,
    });
  });
});

describe("visitPatchSchema", () => {
  it("accepts any subset of the header fields", () => {
    expect(visitPatchSchema.safeParse({ summary: "总体良好" }).success).toBe(true);
    expect(visitPatchSchema.safeParse({ location: null, endedAt: STARTED_AT }).success).toBe(true);
  });

  it("rejects a summary over 2000 characters", () => {
    expect(issuesOf(visitPatchSchema, { summary: "字".repeat(2001) })).toContainEqual({
      path: "summary",
      message: "检查小结不能超过 2000 字",
    });
  });
});

describe("visitSchema", () => {
  it.each([
    ["a draft", aVisit()],
    ["a submitted visit", aSubmittedVisit()],
    ["a visit without location", aVisit({ location: null })],
  ])("accepts %s", (_name, visit) => {
    expect(visitSchema.safeParse(visit).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an id that is not a UUIDv7", { id: "visit-1" }, "id", "无效的编号"],
    ["an unknown kind", { kind: "audit" }, "kind", "请选择督导类型"],
    [
      "an end before the start",
      { endedAt: STARTED_AT - MINUTE },
      "endedAt",
      "结束时间不能早于开始时间",
    ],
    [
      "a draft with a submit time",
      { submittedAt: STARTED_AT },
      "submittedAt",
      "提交时间与检查状态不一致",
    ],
    [
      "a submitted visit without a submit time",
      { status: "submitted" },
      "submittedAt",
      "提交时间与检查状态不一致",
    ],
  ])("rejects %s", (_name, override, path, message) => {
    expect(issuesOf(visitSchema, aVisit(override))).toContainEqual({ path, message });
  });
});

describe("visitAnswerSchema", () => {
  it("accepts an answer with its visit id", () => {
    expect(visitAnswerSchema.safeParse(aFailingAnswer()).success).toBe(true);
  });

  it("rejects an answer without a visit id", () => {
    const { visitId: _visitId, ...answer } = aVisitAnswer();
    expect(issuesOf(visitAnswerSchema, answer)).toContainEqual({
      path: "visitId",
      message: "无效的编号",
    });
  });
});

describe("photoMetaSchema", () => {
  it("accepts the metadata of a compressed photo", () => {
    expect(photoMetaSchema.safeParse(aPhotoMeta()).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "an id that is not a SHA-256",
      { id: "photo.jpg" },
      "id",
      "照片编号应为 64 位十六进制 SHA-256",
    ],
    ["a GIF", { mime: "image/gif" }, "mime", "只支持 JPEG、PNG 或 WebP 图片"],
    ["an empty photo", { bytes: 0 }, "bytes", "照片为空"],
    ["a photo over the limit", { bytes: 6 * 1024 * 1024 }, "bytes", "照片不能超过 5 MB"],
    ["a zero width", { width: 0 }, "width", "照片宽度无效"],
    ["a zero height", { height: 0 }, "height", "照片高度无效"],
    ["an unknown purpose", { purpose: "selfie" }, "purpose", "无效的照片用途"],
  ])("rejects %s", (_name, override, path, message) => {
    expect(issuesOf(photoMetaSchema, aPhotoMeta(override))).toContainEqual({ path, message });
  });
});
