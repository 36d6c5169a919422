import { describe, expect, it } from "vitest";
import type { z } from "zod";

import {
  templateInputSchema,
  templateItemSchema,
  templateRefSchema,
  templateSchema,
  type TemplateItem,
} from "@/lib/domain/template/template.schema";

import { aClassSizeItem, aTemplate, aTemplateItem } from "@/test/helpers/builders/template";

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const choiceItem = aTemplateItem({
  code: "XC-001",
  response: {
    type: "choice",
    options: [
      { value: "ok", label: "已检定且在有效期内", result: "pass" },
      { value: "expired", label: "检定已过期", result: "fail" },
    ],
  },
});
const option = { value: "x", label: "选项", result: "pass" };

describe("templateItemSchema", () => {
  it.each<[string, TemplateItem]>([
    ["a judgement item for every school", aTemplateItem()],
    ["a number item with a rule", aClassSizeItem()],
    ["a choice item", choiceItem],
    ["a text item", aTemplateItem({ response: { type: "text" }, evidence: "optional" })],
    [
      "an item limited by every attribute",
      aTemplateItem({
        appliesTo: {
          stages: ["kindergarten"],
          ownership: ["private"],
          canteen: ["contracted", "catering"],
          isBoarding: true,
          hasSchoolBus: true,
          isVillage: false,
        },
      }),
    ],
    [
      "an on-site item with a weight",
      aTemplateItem({ rectification: { mode: "on_site" }, weight: 2.5 }),
    ],
    [
      "an item with its own deadline",
      aTemplateItem({ rectification: { mode: "deadline", days: 7 } }),
    ],
    ["an item that always needs a photo", aTemplateItem({ evidence: "photo_always" })],
  ])("accepts %s", (_name, item) => {
    expect(templateItemSchema.safeParse(item).success).toBe(true);
  });

  it("trims text fields when parsing", () => {
    const parsed = templateItemSchema.parse(aTemplateItem({ section: "  封闭管理 " }));
    expect(parsed.section).toBe("封闭管理");
  });

  const numberResponse = (rule: object, unit = "人") => ({
    response: { type: "number", unit, rule: { op: "lte", value: 56, failResult: "fail", ...rule } },
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "code format",
      { code: "AQ-1" },
      "code",
      "检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001",
    ],
    [
      "code upper case",
      { code: "aq-001" },
      "code",
      "检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001",
    ],
    ["section required", { section: "  " }, "section", "请填写所属类别"],
    ["section length", { section: "类".repeat(41) }, "section", "类别不能超过 40 字"],
    ["prompt length min", { prompt: "消防" }, "prompt", "检查内容至少 4 个字"],
    ["prompt length max", { prompt: "查".repeat(201) }, "prompt", "检查内容不能超过 200 字"],
    ["guidance required", { guidance: "" }, "guidance", "请填写检查方法"],
    ["guidance length", { guidance: "查".repeat(601) }, "guidance", "检查方法不能超过 600 字"],
    ["finding required", { finding: "未" }, "finding", "请填写问题表述"],
    ["requirement required", { requirement: "" }, "requirement", "请填写整改要求"],
    [
      "citation title",
      { basis: [{ title: "法", status: "现行有效" }] },
      "basis.0.title",
      "请填写文件全称",
    ],
    [
      "citation status",
      { basis: [{ title: "消防法", status: "有效" }] },
      "basis.0.status",
      "请选择文件效力状态",
    ],
    [
      "citation date",
      { basis: [{ title: "消防法", status: "现行有效", effective: "2021年" }] },
      "basis.0.effective",
      "施行日期格式应为 YYYY-MM-DD",
    ],
    ["framework", { frameworks: ["挂牌督导"] }, "frameworks.0", "请选择检查框架"],
    [
      "rectification control days",
      { rectification: { mode: "control", days: 0 } },
      "rectification.days",
      "整改期限至少 1 天",
    ],
    ["response type", { response: { type: "photo" } }, "response.type", "请选择作答方式"],
    [
      "number unit length",
      numberResponse({}, "人".repeat(11)),
      "response.unit",
      "单位不能超过 10 字",
    ],
    ["number rule op", numberResponse({ op: "ne" }), "response.rule.op", "请选择比较方式"],
    ["number rule value", numberResponse({ value: "56" }), "response.rule.value", "请填写规则数值"],
    [
      "number rule fail result",
      numberResponse({ failResult: "na" }),
      "response.rule.failResult",
      "请选择违反规则时的结果",
    ],
    [
      "choice needs two options",
      { response: { type: "choice", options: [option] } },
      "response.options",
      "选择题至少需要两个选项",
    ],
    [
      "choice has at most ten options",
      { response: { type: "choice", options: Array.from({ length: 11 }, () => option) } },
      "response.options",
      "选项不能超过 10 个",
    ],
    [
      "option value required",
      { response: { type: "choice", options: [option, { ...option, value: " " }] } },
      "response.options.1.value",
      "请填写选项值",
    ],
    [
      "option value length",
      { response: { type: "choice", options: [option, { ...option, value: "v".repeat(41) }] } },
      "response.options.1.value",
      "选项值不能超过 40 字",
    ],
    [
      "option label required",
      { response: { type: "choice", options: [option, { ...option, label: "" }] } },
      "response.options.1.label",
      "请填写选项文字",
    ],
    [
      "option label length",
      { response: { type: "choice", options: [option, { ...option, label: "选".repeat(61) }] } },
      "response.options.1.label",
      "选项文字不能超过 60 字",
    ],
    [
      "option result",
      { response: { type: "choice", options: [option, { ...option, result: "ok" }] } },
      "response.options.1.result",
      "请选择检查结果",
    ],
    [
      "applies-to stages not empty",
      { appliesTo: { stages: [] } },
      "appliesTo.stages",
      "学段至少选择一项",
    ],
    [
      "applies-to stage value",
      { appliesTo: { stages: ["college"] } },
      "appliesTo.stages.0",
      "请选择学段",
    ],
    [
      "applies-to ownership not empty",
      { appliesTo: { ownership: [] } },
      "appliesTo.ownership",
      "办学性质至少选择一项",
    ],
    [
      "applies-to ownership value",
      { appliesTo: { ownership: ["mixed"] } },
      "appliesTo.ownership.0",
      "请选择办学性质",
    ],
    [
      "applies-to canteen not empty",
      { appliesTo: { canteen: [] } },
      "appliesTo.canteen",
      "食堂类型至少选择一项",
    ],
    [
      "applies-to canteen value",
      { appliesTo: { canteen: ["kiosk"] } },
      "appliesTo.canteen.0",
      "请选择食堂类型",
    ],
    ["severity", { severity: "high" }, "severity", "请选择问题等级"],
    [
      "rectification mode",
      { rectification: { mode: "later" } },
      "rectification.mode",
      "请选择整改方式",
    ],
    [
      "deadline days min",
      { rectification: { mode: "deadline", days: 0 } },
      "rectification.days",
      "整改期限至少 1 天",
    ],
    [
      "deadline days max",
      { rectification: { mode: "deadline", days: 366 } },
      "rectification.days",
      "整改期限不能超过 365 天",
    ],
    [
      "deadline days whole",
      { rectification: { mode: "deadline", days: 1.5 } },
      "rectification.days",
      "整改期限应为整数天",
    ],
    ["evidence rule", { evidence: "never" }, "evidence", "请选择取证要求"],
    ["weight positive", { weight: 0 }, "weight", "权重须大于 0"],
    ["weight max", { weight: 101 }, "weight", "权重不能超过 100"],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    expect(issuesOf(templateItemSchema, { ...aTemplateItem(), ...overrides })).toContainEqual({
      path,
      message,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["applies-to boarding flag", { appliesTo: { isBoarding: "yes" } }, "appliesTo.isBoarding"],
    ["applies-to bus flag", { appliesTo: { hasSchoolBus: 1 } }, "appliesTo.hasSchoolBus"],
    ["applies-to village flag", { appliesTo: { isVillage: "no" } }, "appliesTo.isVillage"],
    ["applies-to missing", { appliesTo: undefined }, "appliesTo"],
  ])("rejects a wrongly typed %s", (_rule, overrides, path) => {
    const paths = issuesOf(templateItemSchema, { ...aTemplateItem(), ...overrides }).map(
      (i) => i.path,
    );
    expect(paths).toContain(path);
  });
});

describe("templateInputSchema", () => {
  const input = () => {
    const { version: _v, status: _s, publishedAt: _p, ...rest } = aTemplate();
    return rest;
  };

  it("accepts a template with items of every kind", () => {
    const items = [aTemplateItem(), aClassSizeItem(), choiceItem];
    expect(templateInputSchema.safeParse({ ...input(), items }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "code format",
      { code: "Campus_Safety" },
      "code",
      "模板编号只能包含小写字母、数字和连字符，以字母开头",
    ],
    [
      "code starts with a letter",
      { code: "1-safety" },
      "code",
      "模板编号只能包含小写字母、数字和连字符，以字母开头",
    ],
    ["title required", { title: "安" }, "title", "请填写模板名称"],
    ["title length", { title: "安".repeat(61) }, "title", "模板名称不能超过 60 字"],
    ["domain", { domain: "sports" }, "domain", "请选择检查领域"],
    ["description length", { description: "说".repeat(501) }, "description", "说明不能超过 500 字"],
    ["items not empty", { items: [] }, "items", "模板至少需要一个检查项"],
    [
      "items at most 500",
      {
        items: Array.from({ length: 501 }, (_, i) =>
          aTemplateItem({ code: `AQ-${String(i).padStart(3, "0")}` }),
        ),
      },
      "items",
      "检查项不能超过 500 个",
    ],
    [
      "item codes unique",
      { items: [aTemplateItem(), aClassSizeItem(), aTemplateItem({ prompt: "另一项检查内容" })] },
      "items.2.code",
      "编号 AQ-001 与第 1 项重复",
    ],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    expect(issuesOf(templateInputSchema, { ...input(), ...overrides })).toContainEqual({
      path,
      message,
    });
  });
});

describe("templateSchema", () => {
  it.each([
    ["a published version", aTemplate()],
    ["a draft without a publish time", aTemplate({ status: "draft", publishedAt: null })],
    ["a retired version", aTemplate({ status: "retired", version: 3 })],
  ])("accepts %s", (_name, template) => {
    expect(templateSchema.safeParse(template).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["version at least 1", { version: 0 }, "version", "版本号应为正整数"],
    ["version whole", { version: 1.5 }, "version", "版本号应为正整数"],
    ["version required", { version: undefined }, "version", "请填写版本号"],
    ["status", { status: "archived" }, "status", "请选择模板状态"],
    ["published time whole", { publishedAt: 1.5 }, "publishedAt", "发布时间格式不正确"],
  ])("rejects a broken %s rule", (_rule, overrides, path, message) => {
    expect(issuesOf(templateSchema, { ...aTemplate(), ...overrides })).toContainEqual({
      path,
      message,
    });
  });
});

describe("templateRefSchema", () => {
  it("accepts a code and version", () => {
    expect(templateRefSchema.safeParse({ code: "campus-safety", version: 2 }).success).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    [
      "code",
      { code: "CS", version: 1 },
      "code",
      "模板编号只能包含小写字母、数字和连字符，以字母开头",
    ],
    ["version", { code: "campus-safety", version: 0 }, "version", "版本号应为正整数"],
  ])("rejects a broken %s rule", (_rule, value, path, message) => {
    expect(issuesOf(templateRefSchema, value)).toContainEqual({ path, message });
  });
});
