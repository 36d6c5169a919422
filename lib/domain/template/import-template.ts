import type { z } from "zod";

import { upgradeLegacyTemplate } from "./legacy-template";
import {
  ITEM_FIELD_LABELS,
  TEMPLATE_FIELD_LABELS,
  templateInputSchema,
  type TemplateInput,
} from "./template.schema";

export type TemplateImportResult =
  { ok: true; template: TemplateInput } | { ok: false; errors: string[] };

const TYPE_LABELS: Partial<Record<string, string>> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "是或否",
  object: "对象",
  array: "列表",
};

/**
 * Messages for the few rules the schema leaves unworded — mostly a field that is missing or of the
 * wrong JSON type, which only an imported file can produce. Schema messages take precedence.
 */
const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return "格式不正确";
  if (issue.input === undefined) return "缺少此项";
  return `格式不正确，应为${TYPE_LABELS[issue.expected] ?? "正确的格式"}`;
};

function isKeyOf<T extends object>(labels: T, key: unknown): key is keyof T {
  return typeof key === "string" && Object.hasOwn(labels, key);
}

/** The code the file gives the item, even an invalid one, so the user can find the item. */
function rawItemCode(data: unknown, index: number): string | null {
  if (typeof data !== "object" || data === null || !("items" in data)) return null;
  const items = data.items;
  if (!Array.isArray(items)) return null;
  const item: unknown = items[index];
  if (typeof item !== "object" || item === null || !("code" in item)) return null;
  return typeof item.code === "string" && item.code.trim() !== "" ? item.code.trim() : null;
}

/** "第 3 项（AQ-003）「检查依据」：请填写检查依据" — the item, its code and the field, in Chinese. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [head, index, field] = issue.path;
  if (head === "items" && typeof index === "number") {
    const code = rawItemCode(data, index);
    const where = `第 ${index + 1} 项${code ? `（${code}）` : ""}`;
    const label = isKeyOf(ITEM_FIELD_LABELS, field) ? `「${ITEM_FIELD_LABELS[field]}」` : "";
    return `${where}${label}：${issue.message}`;
  }
  if (isKeyOf(TEMPLATE_FIELD_LABELS, head))
    return `「${TEMPLATE_FIELD_LABELS[head]}」：${issue.message}`;
  return issue.path.length === 0 ? "文件内容不是检查表模板" : issue.message;
}

function parseJsonText(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Validates an imported template — the file's text or its parsed JSON. An exported template
 * (with version, status, publishedAt) imports as a new draft: those keys are dropped.
 * Every error names the item and field so the office can fix the file; nothing is half-imported.
 */
export function parseTemplateImport(json: unknown): TemplateImportResult {
  const parsedText =
    typeof json === "string" ? parseJsonText(json) : { ok: true as const, data: json };
  if (!parsedText.ok) return { ok: false, errors: ["文件不是有效的 JSON"] };
  // A file exported before issue #9 still imports: its items are brought to the current shape.
  const data = upgradeLegacyTemplate(parsedText.data);
  const result = templateInputSchema.safeParse(data, { error: importErrorMap });
  if (result.success) return { ok: true, template: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => describeIssue(issue, data)) };
}
