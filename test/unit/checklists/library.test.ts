import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  TEMPLATE_DOMAINS,
  templateInputSchema,
  type TemplateDomain,
  type TemplateInput,
} from "@/lib/domain/template/template.schema";

const LIBRARY_DIR = path.join(import.meta.dirname, "../../../lib/checklists");

/** The least number of items the built-in library must hold per domain (issue #3). */
const MINIMUM_ITEMS: Record<TemplateDomain, number> = {
  campus_safety: 30,
  food_safety: 30,
  fees: 20,
  fire: 25,
  school_bus: 10,
  health_care: 10,
  school_management: 10,
  double_reduction: 10,
  dormitory: 10,
};

type LoadedFile = { file: string; template: TemplateInput | null; problems: string[] };

/** Reads and validates one library file; problems name the file and the path of each issue. */
function loadFile(file: string): LoadedFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(LIBRARY_DIR, file), "utf8"));
  } catch (error) {
    return { file, template: null, problems: [`${file}: 不是有效的 JSON（${String(error)}）`] };
  }
  const result = templateInputSchema.safeParse(raw);
  if (result.success) return { file, template: result.data, problems: [] };
  return {
    file,
    template: null,
    problems: result.error.issues.map(
      (issue) => `${file} ${issue.path.join(".") || "(根)"}: ${issue.message}`,
    ),
  };
}

const files = readdirSync(LIBRARY_DIR)
  .filter((file) => file.endsWith(".json"))
  .sort();
const loaded = files.map(loadFile);
const templates = loaded.flatMap((entry) => (entry.template ? [entry.template] : []));
const items = templates.flatMap((template) => template.items);

function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe("checklist library", () => {
  it("holds at least one template file", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("parses with the template schema when loading %s", (file) => {
    expect(loaded.find((entry) => entry.file === file)?.problems).toEqual([]);
  });

  it.each(loaded.flatMap((entry) => (entry.template ? [entry] : [])))(
    "names $file after its template code",
    ({ file, template }) => {
      expect(file).toBe(`${template?.code}.json`);
    },
  );

  it("uses each template code once", () => {
    expect(duplicatesOf(templates.map((template) => template.code))).toEqual([]);
  });

  it("uses each item code once across the whole library", () => {
    expect(duplicatesOf(items.map((item) => item.code))).toEqual([]);
  });

  it("numbers the item codes of each prefix from 001 without gaps", () => {
    const numbersByPrefix = new Map<string, number[]>();
    for (const { code } of items) {
      const [prefix = "", digits = ""] = code.split("-");
      numbersByPrefix.set(prefix, [...(numbersByPrefix.get(prefix) ?? []), Number(digits)]);
    }
    const gaps = [...numbersByPrefix].flatMap(([prefix, numbers]) => {
      const sorted = [...numbers].sort((a, b) => a - b);
      return sorted.every((n, index) => n === index + 1) ? [] : [prefix];
    });
    expect(gaps).toEqual([]);
  });

  it("gives every item a finding, requirement, severity, rectification default and evidence rule", () => {
    const incomplete = items
      .filter(
        (item) =>
          item.finding.trim() === "" ||
          item.requirement.trim() === "" ||
          !item.severity ||
          !item.rectification ||
          !item.evidence,
      )
      .map((item) => item.code);
    expect(incomplete).toEqual([]);
  });

  it("covers exactly the nine domains", () => {
    expect(new Set(templates.map((template) => template.domain))).toEqual(
      new Set(TEMPLATE_DOMAINS),
    );
  });

  it.each(Object.entries(MINIMUM_ITEMS))(
    "holds enough items when counting domain %s (at least %i)",
    (domain, minimum) => {
      const count = templates
        .filter((template) => template.domain === domain)
        .reduce((sum, template) => sum + template.items.length, 0);
      expect(count).toBeGreaterThanOrEqual(minimum);
    },
  );

  it("gives every school_management template a number item with a rule", () => {
    const withoutRule = templates
      .filter((template) => template.domain === "school_management")
      .filter((template) => !template.items.some((item) => item.response.type === "number"))
      .map((template) => template.code);
    expect(withoutRule).toEqual([]);
  });
});
