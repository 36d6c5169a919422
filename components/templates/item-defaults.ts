import type { ItemResponse, TemplateItem } from "@/lib/domain/template/template.schema";

/** Prefix for item codes when a template has no item left to take one from ("JC" = 检查). */
const FALLBACK_PREFIX = "JC";

/** The code for a new item: the template's first prefix, numbered one past its highest number. */
export function nextItemCode(items: readonly Pick<TemplateItem, "code">[]): string {
  const prefix = items[0]?.code.split("-")[0] || FALLBACK_PREFIX;
  const numbers = items
    .filter((item) => item.code.startsWith(`${prefix}-`))
    .map((item) => Number(item.code.slice(prefix.length + 1)))
    .filter(Number.isInteger);
  return `${prefix}-${String(Math.max(0, ...numbers) + 1).padStart(3, "0")}`;
}

/** A blank judgement item in `section`: 一般, 限期整改 by the district policy, photo on 不符合. */
export function blankItem(code: string, section: string): TemplateItem {
  return {
    code,
    section,
    prompt: "",
    guidance: "",
    finding: "",
    requirement: "",
    basis: [],
    provenance: "",
    frameworks: [],
    response: { type: "judgement" },
    appliesTo: null,
    severity: "minor",
    rectification: { mode: "deadline", days: null },
    evidence: "photo_on_fail",
  };
}

/** A starting answer of each kind, for when the office switches an item's response type. */
export function blankResponse(type: ItemResponse["type"]): ItemResponse {
  switch (type) {
    case "judgement":
      return { type };
    case "number":
      return { type, unit: "", rule: { op: "lte", value: Number.NaN, failResult: "fail" } };
    case "choice":
      return {
        type,
        options: [
          { value: "yes", label: "是", result: "pass" },
          { value: "no", label: "否", result: "fail" },
        ],
      };
    case "text":
      return { type };
  }
}
