/** What template values are called on screen, without zod: a visit's checklist shows them first (issue #10). */
import type { EvidenceRule, Judgement, Severity, TemplateDomain } from "./template.schema";

export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  pass: "符合",
  partial: "部分符合",
  fail: "不符合",
  na: "不适用",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  minor: "一般",
  major: "较重",
  critical: "重大",
};

export const EVIDENCE_LABELS: Record<EvidenceRule, string> = {
  photo_on_fail: "不符合时须拍照",
  photo_always: "必须拍照",
  optional: "拍照可选",
};

export const DOMAIN_LABELS: Record<TemplateDomain, string> = {
  campus_safety: "校园安全",
  food_safety: "食品卫生/食堂",
  fees: "收费",
  fire: "消防",
  school_bus: "校车安全",
  health_care: "幼儿园卫生保健",
  school_management: "办学规范与大班额",
  double_reduction: "双减与五项管理",
  dormitory: "学生宿舍",
};
