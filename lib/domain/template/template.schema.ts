import { z } from "zod";

import "../zod-locale";

import { canteenSchema, ownershipSchema, schoolStageSchema } from "../org/org.schema";
import { textSchema } from "../text";

/** 符合 / 部分符合 / 不符合 / 不适用. */
export const judgementSchema = z.enum(["pass", "partial", "fail", "na"], {
  message: "请选择检查结果",
});
export type Judgement = z.infer<typeof judgementSchema>;

/** 一般 / 较重 / 重大. */
export const severitySchema = z.enum(["minor", "major", "critical"], { message: "请选择问题等级" });
export type Severity = z.infer<typeof severitySchema>;

export const TEMPLATE_DOMAINS = [
  "campus_safety",
  "food_safety",
  "fees",
  "fire",
  "school_bus",
  "health_care",
  "school_management",
  "double_reduction",
  "dormitory",
] as const;
export const templateDomainSchema = z.enum(TEMPLATE_DOMAINS, { message: "请选择检查领域" });
export type TemplateDomain = z.infer<typeof templateDomainSchema>;
export { DOMAIN_LABELS } from "./template.labels";

/** A number item's rule; a value that breaks it is a finding (e.g. 班额 ≤ 56). */
export const numberRuleSchema = z.object({
  op: z.enum(["lte", "lt", "gte", "gt", "eq"], { message: "请选择比较方式" }),
  value: z.number({ message: "请填写规则数值" }),
  /** What breaking the rule counts as; default thinking is 不符合. */
  failResult: z.enum(["fail", "partial"], { message: "请选择违反规则时的结果" }),
});
export type NumberRule = z.infer<typeof numberRuleSchema>;

export const choiceOptionSchema = z.object({
  value: textSchema("选项值").trim().min(1, "请填写选项值").max(40, "选项值不能超过 40 字"),
  label: textSchema("选项文字").trim().min(1, "请填写选项文字").max(60, "选项文字不能超过 60 字"),
  /** How choosing this option is judged. */
  result: judgementSchema,
});

export const responseSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("judgement") }),
    z.object({
      type: z.literal("number"),
      unit: textSchema("单位").trim().max(10, "单位不能超过 10 字"),
      rule: numberRuleSchema,
    }),
    z.object({
      type: z.literal("choice"),
      options: z
        .array(choiceOptionSchema)
        .min(2, "选择题至少需要两个选项")
        .max(10, "选项不能超过 10 个"),
    }),
    z.object({ type: z.literal("text") }),
  ],
  { message: "请选择作答方式" },
);
export type ItemResponse = z.infer<typeof responseSchema>;

/**
 * Which schools an item applies to: a declarative, explainable predicate.
 * Every listed attribute must match (AND); a list matches any of its values (OR).
 * `null` means every school. A 九年一贯制 school matches both "primary" and "junior".
 */
export const appliesToSchema = z.object({
  stages: z.array(schoolStageSchema).min(1, "学段至少选择一项").optional(),
  ownership: z.array(ownershipSchema).min(1, "办学性质至少选择一项").optional(),
  canteen: z.array(canteenSchema).min(1, "食堂类型至少选择一项").optional(),
  isBoarding: z.boolean().optional(),
  hasSchoolBus: z.boolean().optional(),
  isVillage: z.boolean().optional(),
});
export type AppliesTo = z.infer<typeof appliesToSchema>;

/** Days allowed for 限期整改; shared by item defaults and the district's deadline policy. */
export const rectificationDaysSchema = z
  .number({ message: "请填写整改期限" })
  .int("整改期限应为整数天")
  .min(1, "整改期限至少 1 天")
  .max(365, "整改期限不能超过 365 天");

/**
 * 立行立改 on site; 限期整改 with a deadline; or 先行管控 + 限期整改 (`control`): the hazard is
 * stopped on the spot, recorded with a photo, and the fix has a deadline. Days null = from the
 * district's policy.
 */
export const rectificationDefaultSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("on_site") }),
    z.object({
      mode: z.literal("deadline"),
      days: rectificationDaysSchema.nullable(),
    }),
    z.object({
      mode: z.literal("control"),
      days: rectificationDaysSchema.nullable(),
    }),
  ],
  { message: "请选择整改方式" },
);
export type RectificationDefault = z.infer<typeof rectificationDefaultSchema>;

/** When a photo is required: only on 不符合/部分符合, always, or never required. */
export const evidenceRuleSchema = z.enum(["photo_on_fail", "photo_always", "optional"], {
  message: "请选择取证要求",
});
export type EvidenceRule = z.infer<typeof evidenceRuleSchema>;

/** Item codes are stable across versions: "AQ-001". Answers and findings refer to them. */
export const itemCodeSchema = z
  .string()
  .regex(/^[A-Z]{2,4}-\d{3}$/, "检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001");

/** Whether a cited document is in force; the library cites only 现行有效 texts. */
export const CITATION_STATUSES = ["现行有效", "已修订", "已废止"] as const;
export const citationStatusSchema = z.enum(CITATION_STATUSES, {
  message: "请选择文件效力状态",
});
export type CitationStatus = z.infer<typeof citationStatusSchema>;

/**
 * One law, regulation, standard or policy document an item rests on, printed as
 * 《全称》（文号）第X条 by formatCitation. `article` is omitted when the article could not be verified.
 */
export const citationSchema = z.object({
  title: z.string().trim().min(2, "请填写文件全称").max(80, "文件全称不能超过 80 字"),
  /** 文号 or standard number: "教育部令第45号", "GB 55036-2022". */
  docNo: z.string().trim().min(1, "文号不能为空").max(60, "文号不能超过 60 字").optional(),
  /** As printed after the 文号: "第十八条", "第三十四条第二款", "第4.2.1条". */
  article: z.string().trim().min(1, "条款不能为空").max(40, "条款不能超过 40 字").optional(),
  issuer: z.string().trim().min(1, "发布机关不能为空").max(80, "发布机关不能超过 80 字").optional(),
  /** Date in force, "2025-06-01" (or a year or month when only that is known). */
  effective: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "施行日期格式应为 YYYY-MM-DD")
    .optional(),
  status: citationStatusSchema,
});
export type Citation = z.infer<typeof citationSchema>;

/**
 * The checking frameworks an item serves, so an office can build a checklist by framework:
 * the eight 挂牌督导事项 (《中小学校责任督学挂牌督导办法》), the 安全工作专项督导 indicators,
 * the 规范管理负面清单 and the 校园餐专项整治.
 */
export const FRAMEWORKS = [
  "挂牌督导·校务管理和制度执行",
  "挂牌督导·招生收费择校",
  "挂牌督导·课程开设和课堂教学",
  "挂牌督导·学生学业负担",
  "挂牌督导·学生体质健康",
  "挂牌督导·教师师德和专业发展",
  "挂牌督导·校园及周边安全",
  "挂牌督导·食堂食品饮用水及宿舍卫生",
  "安全工作专项督导",
  "规范管理负面清单",
  "校园餐专项整治",
] as const;
export const frameworkSchema = z.enum(FRAMEWORKS, { message: "请选择检查框架" });
export type Framework = z.infer<typeof frameworkSchema>;

export const templateItemSchema = z.object({
  code: itemCodeSchema,
  section: textSchema("所属类别").trim().min(1, "请填写所属类别").max(40, "类别不能超过 40 字"),
  prompt: textSchema("检查内容")
    .trim()
    .min(4, "检查内容至少 4 个字")
    .max(200, "检查内容不能超过 200 字"),
  /** How to check on site: where to look, what to ask for. */
  guidance: textSchema("检查方法")
    .trim()
    .min(4, "请填写检查方法")
    .max(600, "检查方法不能超过 600 字"),
  /** Printed when the item fails, as a finding: "未落实学校负责人陪餐制度". */
  finding: textSchema("问题表述")
    .trim()
    .min(4, "请填写问题表述")
    .max(200, "问题表述不能超过 200 字"),
  /** The default 整改要求; the inspector may edit it per finding. */
  requirement: textSchema("整改要求")
    .trim()
    .min(4, "请填写整改要求")
    .max(500, "整改要求不能超过 500 字"),
  /** The laws and standards printed as 检查依据; empty for an item backed only by local practice (地方实践). */
  basis: z.array(citationSchema).max(8, "检查依据不能超过 8 条"),
  /** Where the item came from (a local practice, a source document); shown in the editor, never printed. */
  provenance: textSchema("来源说明").trim().max(600, "来源说明不能超过 600 字"),
  frameworks: z
    .array(frameworkSchema)
    .max(FRAMEWORKS.length, `检查框架不能超过 ${FRAMEWORKS.length} 项`),
  response: responseSchema,
  appliesTo: appliesToSchema.nullable(),
  severity: severitySchema,
  rectification: rectificationDefaultSchema,
  evidence: evidenceRuleSchema,
  /**
   * 必查: a visit whose checklist includes the item cannot be submitted without answering it.
   * Other items may be left 未检查. Absent = false.
   */
  required: z.boolean().optional(),
  /** Scoring weight; items without one weigh 1. */
  weight: z.number().positive("权重须大于 0").max(100, "权重不能超过 100").optional(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

/** Field names as users know them: import errors and version diffs name fields with these. */
export const ITEM_FIELD_LABELS: Record<keyof TemplateItem, string> = {
  code: "编号",
  section: "所属类别",
  prompt: "检查内容",
  guidance: "检查方法",
  finding: "问题表述",
  requirement: "整改要求",
  basis: "检查依据",
  provenance: "来源说明",
  frameworks: "检查框架",
  response: "作答方式",
  appliesTo: "适用范围",
  severity: "问题等级",
  rectification: "整改方式",
  evidence: "取证要求",
  required: "必查",
  weight: "权重",
};

/** Answers and findings refer to items by code, so a code may appear only once in a template. */
const templateItemsSchema = z
  .array(templateItemSchema)
  .min(1, "模板至少需要一个检查项")
  .max(500, "检查项不能超过 500 个")
  .superRefine((items, ctx) => {
    const firstIndex = new Map<string, number>();
    items.forEach((item, index) => {
      const first = firstIndex.get(item.code);
      if (first === undefined) {
        firstIndex.set(item.code, index);
        return;
      }
      ctx.addIssue({
        code: "custom",
        message: `编号 ${item.code} 与第 ${first + 1} 项重复`,
        path: [index, "code"],
      });
    });
  });

export const templateCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, "模板编号只能包含小写字母、数字和连字符，以字母开头");

export const templateStatusSchema = z.enum(["draft", "published", "retired"], {
  message: "请选择模板状态",
});
export type TemplateStatus = z.infer<typeof templateStatusSchema>;
export const TEMPLATE_STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: "草稿",
  published: "已发布",
  retired: "已停用",
};

/** What the office edits (and what import/export carries). */
export const templateInputSchema = z.object({
  code: templateCodeSchema,
  title: textSchema("模板名称").trim().min(2, "请填写模板名称").max(60, "模板名称不能超过 60 字"),
  domain: templateDomainSchema,
  description: textSchema("说明").trim().max(500, "说明不能超过 500 字"),
  items: templateItemsSchema,
});
export type TemplateInput = z.infer<typeof templateInputSchema>;
export const TEMPLATE_FIELD_LABELS: Record<keyof TemplateInput, string> = {
  code: "模板编号",
  title: "模板名称",
  domain: "检查领域",
  description: "说明",
  items: "检查项",
};

export const templateVersionSchema = z
  .number({ message: "请填写版本号" })
  .int("版本号应为正整数")
  .min(1, "版本号应为正整数");

/** A stored template version. Published versions never change; a visit pins `code@version`. */
export const templateSchema = templateInputSchema.extend({
  version: templateVersionSchema,
  status: templateStatusSchema,
  publishedAt: z.number().int("发布时间格式不正确").nullable(),
});
export type Template = z.infer<typeof templateSchema>;

/** A visit's pin on one template version. */
export const templateRefSchema = z.object({
  code: templateCodeSchema,
  version: templateVersionSchema,
});
export type TemplateRef = z.infer<typeof templateRefSchema>;
