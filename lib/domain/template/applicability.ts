import type { AppliesTo, TemplateItem } from "./template.schema";
import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "../org/org.labels";
import type { SchoolAttributes, SchoolStage } from "../org/org.schema";

export type Applicability = {
  applies: boolean;
  /**
   * Why, in Chinese. When the item applies: every condition it has (or "适用于所有学校").
   * When it does not: only the conditions this school fails, so the reason is not buried.
   */
  reasons: string[];
};

type Condition = { isMet: boolean; reason: string };

/** A 九年一贯制 school runs both a 小学 and an 初中 section. */
const NINE_YEAR_COVERS: readonly SchoolStage[] = ["primary", "junior"];

/** Yes/no school attributes an item can require, with how each reads in a reason. */
const FLAG_CONDITIONS = [
  { key: "hasSchoolBus", subject: "有校车的学校", isTrue: "本校有校车", isFalse: "本校无校车" },
  { key: "isBoarding", subject: "寄宿制学校", isTrue: "本校为寄宿制", isFalse: "本校非寄宿制" },
  {
    key: "isVillage",
    subject: "村小和教学点",
    isTrue: "本校为村小或教学点",
    isFalse: "本校不是村小或教学点",
  },
] as const;

function matchesStage(stages: readonly SchoolStage[], stage: SchoolStage): boolean {
  return (
    stages.includes(stage) ||
    (stage === "nine_year" && stages.some((s) => NINE_YEAR_COVERS.includes(s)))
  );
}

function listCondition<K extends string>(
  title: string,
  allowed: readonly K[],
  actual: K,
  labels: Record<K, string>,
  isMet: boolean,
): Condition {
  const list = allowed.map((value) => labels[value]).join("、");
  return { isMet, reason: `${title}：${list}（本校：${labels[actual]}）` };
}

function conditionsOf(appliesTo: AppliesTo, school: SchoolAttributes): Condition[] {
  const conditions: Condition[] = [];
  if (appliesTo.stages) {
    const isMet = matchesStage(appliesTo.stages, school.stage);
    conditions.push(listCondition("适用学段", appliesTo.stages, school.stage, STAGE_LABELS, isMet));
  }
  if (appliesTo.ownership) {
    const isMet = appliesTo.ownership.includes(school.ownership);
    conditions.push(
      listCondition("适用办学性质", appliesTo.ownership, school.ownership, OWNERSHIP_LABELS, isMet),
    );
  }
  if (appliesTo.canteen) {
    const isMet = appliesTo.canteen.includes(school.canteen);
    conditions.push(
      listCondition("适用食堂类型", appliesTo.canteen, school.canteen, CANTEEN_LABELS, isMet),
    );
  }
  for (const flag of FLAG_CONDITIONS) {
    const required = appliesTo[flag.key];
    if (required === undefined) continue;
    const actual = school[flag.key];
    conditions.push({
      isMet: required === actual,
      reason: `${required ? "仅适用于" : "不适用于"}${flag.subject}（${actual ? flag.isTrue : flag.isFalse}）`,
    });
  }
  return conditions;
}

/** Whether an item applies to a school, and why, in words an inspector or school can check. */
export function explainApplicability(
  item: Pick<TemplateItem, "appliesTo">,
  school: SchoolAttributes,
): Applicability {
  const conditions = item.appliesTo ? conditionsOf(item.appliesTo, school) : [];
  if (conditions.length === 0) return { applies: true, reasons: ["适用于所有学校"] };
  const failed = conditions.filter((c) => !c.isMet);
  return failed.length === 0
    ? { applies: true, reasons: conditions.map((c) => c.reason) }
    : { applies: false, reasons: failed.map((c) => c.reason) };
}

/** The items of a template that apply to a school, in template order. */
export function applicableItems(
  template: { items: readonly TemplateItem[] },
  school: SchoolAttributes,
): TemplateItem[] {
  return template.items.filter((item) => explainApplicability(item, school).applies);
}
