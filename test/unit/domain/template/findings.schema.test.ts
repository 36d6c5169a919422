import { describe, expect, it } from "vitest";

import { findingSchema, type Finding } from "@/lib/domain/template/findings.schema";

import { aPhotoId } from "@/test/helpers/builders/rectification";

const finding: Finding = {
  templateCode: "campus-safety",
  templateVersion: 2,
  itemCode: "AQ-001",
  section: "封闭管理",
  prompt: "学校是否实行封闭化管理",
  finding: "学校未实行封闭化管理",
  basis: [
    { title: "中小学幼儿园安全管理办法", docNo: "教育部等十部门令第23号", status: "现行有效" },
  ],
  result: "fail",
  severity: "major",
  description: "学校未实行封闭化管理。访客未登记即入校",
  requiredAction: "落实访客登记制度",
  rectification: { mode: "deadline", dueDate: "2026-03-17" },
  photoIds: [aPhotoId("a")],
};

describe("findingSchema", () => {
  it.each<[string, Finding]>([
    ["a deadline finding", finding],
    [
      "an on-site 部分符合 finding",
      {
        ...finding,
        result: "partial",
        rectification: { mode: "on_site", afterPhotoIds: [aPhotoId("f")] },
      },
    ],
  ])("accepts %s", (_case, value) => {
    expect(findingSchema.safeParse(value).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "template code",
      { templateCode: "Campus" },
      "templateCode",
      "模板编号只能包含小写字母、数字和连字符，以字母开头",
    ],
    ["template version", { templateVersion: 0 }, "templateVersion", "版本号应为正整数"],
    [
      "item code",
      { itemCode: "A-1" },
      "itemCode",
      "检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001",
    ],
    ["section", { section: "" }, "section", "请填写所属类别"],
    ["prompt", { prompt: "封闭" }, "prompt", "检查内容至少 4 个字"],
    ["finding", { finding: "" }, "finding", "请填写问题表述"],
    ["basis", { basis: [{ title: "", status: "现行有效" }] }, "basis.0.title", "请填写文件全称"],
    ["result", { result: "pass" }, "result", "只有不符合或部分符合才形成整改事项"],
    ["severity", { severity: "low" }, "severity", "请选择问题等级"],
    ["description required", { description: " " }, "description", "请填写问题描述"],
    [
      "description length",
      { description: "述".repeat(2001) },
      "description",
      "问题描述不能超过 2000 字",
    ],
    ["required action required", { requiredAction: "" }, "requiredAction", "请填写整改要求"],
    [
      "required action length",
      { requiredAction: "改".repeat(501) },
      "requiredAction",
      "整改要求不能超过 500 字",
    ],
    [
      "rectification",
      { rectification: { mode: "deadline", dueDate: "next week" } },
      "rectification.dueDate",
      "日期格式应为 YYYY-MM-DD",
    ],
    ["photos", { photoIds: ["x"] }, "photoIds.0", "照片编号应为 64 位十六进制 SHA-256"],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    const issues = findingSchema.safeParse({ ...finding, ...overrides }).error?.issues ?? [];
    expect(issues.map((i) => ({ path: i.path.join("."), message: i.message }))).toContainEqual({
      path,
      message,
    });
  });
});
