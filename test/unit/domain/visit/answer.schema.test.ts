import { describe, expect, it } from "vitest";
import type { z } from "zod";

import {
  answerSchema,
  dateStringSchema,
  findingChoiceSchema,
  type FindingChoice,
} from "@/lib/domain/visit/answer.schema";

import { aPhotoId } from "@/test/helpers/builders/rectification";
import { anAnswer } from "@/test/helpers/builders/template";

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const deadlineChoice: FindingChoice = {
  severity: "major",
  rectification: { mode: "deadline", dueDate: "2026-03-17" },
  requiredAction: "补齐门卫室访客登记",
};

describe("dateStringSchema", () => {
  it("accepts a YYYY-MM-DD date", () => {
    expect(dateStringSchema.safeParse("2026-03-02").success).toBe(true);
  });

  it.each(["2026-3-2", "2026/03/02", "2026-03-02T08:00"])("rejects %s", (value) => {
    expect(issuesOf(dateStringSchema, value)).toContainEqual({
      path: "",
      message: "日期格式应为 YYYY-MM-DD",
    });
  });
});

describe("findingChoiceSchema", () => {
  it.each<[string, FindingChoice]>([
    ["a deadline choice", deadlineChoice],
    [
      "an on-site choice with after-photos",
      {
        severity: "critical",
        rectification: { mode: "on_site", afterPhotoIds: [aPhotoId("c")] },
        requiredAction: "",
      },
    ],
  ])("accepts %s", (_name, choice) => {
    expect(findingChoiceSchema.safeParse(choice).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["severity", { severity: "high" }, "severity", "请选择问题等级"],
    [
      "rectification mode",
      { rectification: { mode: "later" } },
      "rectification.mode",
      "请选择整改方式",
    ],
    [
      "due date format",
      { rectification: { mode: "deadline", dueDate: "3月17日" } },
      "rectification.dueDate",
      "日期格式应为 YYYY-MM-DD",
    ],
    [
      "after-photo count",
      {
        rectification: {
          mode: "on_site",
          afterPhotoIds: Array.from({ length: 11 }, () => aPhotoId("c")),
        },
      },
      "rectification.afterPhotoIds",
      "整改后照片不能超过 10 张",
    ],
    [
      "after-photo id",
      { rectification: { mode: "on_site", afterPhotoIds: ["photo.jpg"] } },
      "rectification.afterPhotoIds.0",
      "照片编号应为 64 位十六进制 SHA-256",
    ],
    [
      "required action length",
      { requiredAction: "改".repeat(501) },
      "requiredAction",
      "整改要求不能超过 500 字",
    ],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    expect(issuesOf(findingChoiceSchema, { ...deadlineChoice, ...overrides })).toContainEqual({
      path,
      message,
    });
  });
});

describe("answerSchema", () => {
  it.each([
    ["a judgement answer", anAnswer()],
    ["an unanswered item", anAnswer({ result: null })],
    ["a number reading", anAnswer({ itemCode: "BX-001", result: "fail", value: 57 })],
    ["a choice or text value", anAnswer({ result: null, value: "已检定" })],
    [
      "a 不符合 answer with photos and a finding choice",
      anAnswer({
        result: "fail",
        photoIds: [aPhotoId("a")],
        note: "门卫未登记",
        finding: deadlineChoice,
      }),
    ],
  ])("accepts %s", (_name, answer) => {
    expect(answerSchema.safeParse(answer).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "template code",
      { templateCode: "Campus" },
      "templateCode",
      "模板编号只能包含小写字母、数字和连字符，以字母开头",
    ],
    [
      "item code",
      { itemCode: "AQ1" },
      "itemCode",
      "检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001",
    ],
    ["result", { result: "ok" }, "result", "请选择检查结果"],
    ["value length", { value: "字".repeat(2001) }, "value", "内容不能超过 2000 字"],
    ["note length", { note: "备".repeat(1001) }, "note", "备注不能超过 1000 字"],
    [
      "photo count",
      { photoIds: Array.from({ length: 21 }, () => aPhotoId("a")) },
      "photoIds",
      "每项照片不能超过 20 张",
    ],
    ["photo id", { photoIds: ["ABC"] }, "photoIds.0", "照片编号应为 64 位十六进制 SHA-256"],
    [
      "finding choice",
      { finding: { ...deadlineChoice, severity: "low" } },
      "finding.severity",
      "请选择问题等级",
    ],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    expect(issuesOf(answerSchema, { ...anAnswer(), ...overrides })).toContainEqual({
      path,
      message,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["value of another type", { value: true }, "value"],
    ["answer time not whole", { answeredAt: 1.5 }, "answeredAt"],
    ["note missing", { note: undefined }, "note"],
  ])("rejects a %s", (_rule, overrides, path) => {
    const paths = issuesOf(answerSchema, { ...anAnswer(), ...overrides }).map((i) => i.path);
    expect(paths).toContain(path);
  });
});
