/**
 * What each rectification action asks of the person before it is sent: which fields, in which
 * words, checked by the domain's own action schema, so a form shows exactly the server's rules.
 */
import {
  ESCALATION_LABELS,
  type EscalationKind,
  RECTIFICATION_ACTION_LABELS,
  type RectificationAction,
  rectificationActionSchema,
  type RectificationActionType,
} from "@/lib/domain/rectification/rectification.schema";

export type ActionField = {
  name: string;
  label: string;
  control: "textarea" | "date" | "select";
  placeholder?: string;
  options?: { value: string; label: string }[];
  /** Left empty, the field is not sent (the server or policy decides). */
  optional?: boolean;
};

/** The actions the school and office screens offer; close_on_site happens in the inspector app. */
export type ScreenActionType = Exclude<RectificationActionType, "close_on_site">;

type ActionSpec = {
  /** Fields the person fills in; none means the button acts at once. */
  fields: ActionField[];
  submitLabel: string;
  variant: "primary" | "secondary" | "danger";
};

const reason = (label: string, placeholder: string): ActionField => ({
  name: "reason",
  label,
  control: "textarea",
  placeholder,
});

export const ACTION_SPECS: Record<ScreenActionType, ActionSpec> = {
  acknowledge: { fields: [], submitLabel: "开始整改", variant: "secondary" },
  respond: {
    fields: [
      {
        name: "text",
        label: "整改情况说明",
        control: "textarea",
        placeholder: "说明采取了哪些整改措施、何时完成",
      },
    ],
    submitLabel: "提交整改报告",
    variant: "primary",
  },
  request_extension: {
    fields: [
      { name: "requestedDueDate", label: "申请延期至", control: "date" },
      reason("延期理由", "说明不能按期完成的原因和计划"),
    ],
    submitLabel: "提交延期申请",
    variant: "secondary",
  },
  approve_extension: {
    fields: [
      { name: "dueDate", label: "延期至（可改为其他日期）", control: "date", optional: true },
      {
        name: "comment",
        label: "审批意见",
        control: "textarea",
        placeholder: "如：同意延期，请按新期限完成并提交整改报告",
      },
    ],
    submitLabel: "同意延期",
    variant: "primary",
  },
  refuse_extension: {
    fields: [reason("不同意延期的理由", "说明为何须按原期限完成")],
    submitLabel: "不同意延期",
    variant: "secondary",
  },
  verify_pass: {
    fields: [
      {
        name: "note",
        label: "复查意见（可不填）",
        control: "textarea",
        placeholder: "如：现场核实已整改到位",
      },
    ],
    submitLabel: "复查通过（销号）",
    variant: "primary",
  },
  verify_return: {
    fields: [
      reason("退回理由", "说明哪里没有整改到位、还需要做什么"),
      // Proposed from the district's policy; a phone that leaves it empty gets the policy's date.
      { name: "dueDate", label: "新的整改期限", control: "date", optional: true },
    ],
    submitLabel: "退回",
    variant: "danger",
  },
  verify_on_site: {
    fields: [
      {
        name: "note",
        label: "复查意见（可不填）",
        control: "textarea",
        placeholder: "如：现场核实已更换，压力表读数正常",
      },
    ],
    submitLabel: "现场核实已整改（销号）",
    variant: "primary",
  },
  record_still_open: {
    fields: [
      {
        name: "note",
        label: "现场情况",
        control: "textarea",
        placeholder: "如：灭火器仍未更换，学校称已采购",
      },
    ],
    submitLabel: "记录仍未整改",
    variant: "secondary",
  },
  escalate: {
    fields: [
      {
        name: "kind",
        label: "督办方式",
        control: "select",
        options: (Object.entries(ESCALATION_LABELS) as [EscalationKind, string][]).map(
          ([value, label]) => ({ value, label }),
        ),
      },
      { name: "note", label: "督办说明", control: "textarea", placeholder: "督办的事由与要求" },
    ],
    submitLabel: "督办",
    variant: "secondary",
  },
  cancel: {
    fields: [reason("撤销理由", "如：检查认定有误")],
    submitLabel: "撤销",
    variant: "danger",
  },
};

/** The button that opens an action (the form's own submit button may say more). */
export function actionLabel(type: ScreenActionType): string {
  return RECTIFICATION_ACTION_LABELS[type];
}

export function isScreenAction(type: RectificationActionType): type is ScreenActionType {
  return type !== "close_on_site";
}

/** Actions that carry photos: the school's evidence, or the reviewer's own (taken at a 复查 in the inspector app). */
const WITH_PHOTOS: readonly ScreenActionType[] = ["respond", "verify_pass", "verify_on_site"];

export function carriesPhotos(type: ScreenActionType): boolean {
  return WITH_PHOTOS.includes(type);
}

/**
 * The form's starting values: empty text, the first option of a select, no photos, and whatever
 * the screen proposes (`proposed`, e.g. the new deadline of a return).
 */
export function initialValues(
  type: ScreenActionType,
  proposed: Record<string, string> = {},
): Record<string, unknown> {
  return {
    ...Object.fromEntries(
      ACTION_SPECS[type].fields.map((field) => [
        field.name,
        proposed[field.name] ?? field.options?.[0]?.value ?? "",
      ]),
    ),
    ...(carriesPhotos(type) ? { photoIds: [] } : {}),
  };
}

export type ActionValidation =
  { ok: true; action: RectificationAction } | { ok: false; errors: Record<string, string> };

/**
 * Builds the action from the form's values (what was typed, and photo ids) and checks it with the
 * domain's schema; errors are the schema's Chinese messages, keyed by field name.
 */
export function validateAction(
  type: ScreenActionType,
  values: Record<string, unknown>,
): ActionValidation {
  const empty = ACTION_SPECS[type].fields.filter((f) => f.optional && values[f.name] === "");
  const sent = Object.fromEntries(
    Object.entries(values).filter(([name]) => !empty.some((f) => f.name === name)),
  );
  const parsed = rectificationActionSchema.safeParse({ ...sent, type });
  if (parsed.success) return { ok: true, action: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "root");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
