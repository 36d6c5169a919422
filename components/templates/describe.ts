import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import { describeNumberRule } from "@/lib/domain/template/answer-rules";
import { JUDGEMENT_LABELS } from "@/lib/domain/template/template.labels";
import type {
  AppliesTo,
  ItemResponse,
  RectificationDefault,
} from "@/lib/domain/template/template.schema";

/** How each kind of answer is named in the office's forms and views. */
export const RESPONSE_TYPE_LABELS: Record<ItemResponse["type"], string> = {
  judgement: "判断",
  number: "数值",
  choice: "选择",
  text: "文字",
};

/** An item's applicability without a school in mind: "学段：小学、初中", "仅寄宿制学校". */
export function describeAppliesTo(appliesTo: AppliesTo | null): string[] {
  if (!appliesTo) return ["所有学校"];
  const flag = (value: boolean | undefined, yes: string, no: string) =>
    value === undefined ? [] : [value ? yes : no];
  const parts = [
    ...(appliesTo.stages
      ? [`学段：${appliesTo.stages.map((s) => STAGE_LABELS[s]).join("、")}`]
      : []),
    ...(appliesTo.ownership
      ? [`办学性质：${appliesTo.ownership.map((o) => OWNERSHIP_LABELS[o]).join("、")}`]
      : []),
    ...(appliesTo.canteen
      ? [`食堂：${appliesTo.canteen.map((c) => CANTEEN_LABELS[c]).join("、")}`]
      : []),
    ...flag(appliesTo.isBoarding, "仅寄宿制学校", "仅非寄宿制学校"),
    ...flag(appliesTo.hasSchoolBus, "仅有校车的学校", "仅无校车的学校"),
    ...flag(appliesTo.isVillage, "仅村小和教学点", "不含村小和教学点"),
  ];
  return parts.length === 0 ? ["所有学校"] : parts;
}

export function describeResponse(response: ItemResponse): string {
  switch (response.type) {
    case "judgement":
      return `判断（${Object.values(JUDGEMENT_LABELS).join(" / ")}）`;
    case "number":
      return `数值，要求 ${describeNumberRule(response.rule, response.unit)}`;
    case "choice":
      return `选择（${response.options.map((o) => o.label).join(" / ")}）`;
    case "text":
      return "文字记录";
  }
}

export function describeRectification(rectification: RectificationDefault): string {
  if (rectification.mode === "on_site") return "立行立改";
  const prefix = rectification.mode === "control" ? "先行管控、" : "";
  return rectification.days === null
    ? `${prefix}限期整改（按区县期限）`
    : `${prefix}限期整改 ${rectification.days} 天`;
}
