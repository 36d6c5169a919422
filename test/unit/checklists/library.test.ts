import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { formatBasis } from "@/lib/domain/template/citation";
import {
  TEMPLATE_DOMAINS,
  type TemplateItem,
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

/** The least number of items the whole library must hold (issue #9). */
const MINIMUM_LIBRARY_ITEMS = 300;

/**
 * The wording conventions of issue #9, so that 符合 always means compliant:
 * - a judgement prompt asks exactly one 是否 question; a number prompt asks for the number
 *   (no 是否) and names its unit in （…）, and its rule does the judging;
 * - no double negative and no prompt whose 是 records a violation: the words after 是否
 *   (outside （…）, which only explains the criterion, and outside “…”, which quotes a name) carry no negation or violation word
 *   (未, 没有, 不, 无, 存在, 违规, 擅自, 超, 被), except the limits 不少于/不超过/不低于/不高于/不早于/不晚于;
 * - one fact per prompt: after 是否 (outside （…）) no second clause — no "，", "；", 并, 且, 同时, 以及 —
 *   and no list joined by 、/和/及/与 whose parts start with two different verbs (VERBS below).
 */
const NEGATION = /未|没有|不|无|存在|违规|擅自|超|被/u;
const ALLOWED_LIMITS = /不少于|不超过|不低于|不高于|不早于|不晚于/gu;
const SECOND_CLAUSE = /[，；]|并|且|同时|以及/u;
const VERBS = [
  "建立",
  "落实",
  "配备",
  "设置",
  "开展",
  "公示",
  "公开",
  "签订",
  "制定",
  "明确",
  "组织",
  "安装",
  "张贴",
  "登记",
  "检查",
  "配置",
  "取得",
  "查验",
  "报告",
  "聘任",
  "投保",
  "排查",
  "留存",
  "执行",
];

/** The text after 是否 with every （…） and “…” removed. */
function questionPart(prompt: string): string {
  const after = prompt.slice(prompt.indexOf("是否") + 2);
  return after.replace(/（[^（）]*(?:（[^（）]*）[^（）]*)*）/gu, "").replace(/“[^”]*”/gu, "");
}

/** Why a prompt breaks the conventions; empty when it keeps them. */
function promptProblems(item: Pick<TemplateItem, "prompt" | "response">): string[] {
  const { prompt, response } = item;
  const questions = prompt.split("是否").length - 1;
  if (response.type === "number") {
    const problems: string[] = [];
    if (questions > 0) problems.push("数值项应询问数值，不用“是否”");
    if (!/（[^）]+/u.test(prompt)) problems.push("数值项应在括号中写明单位或口径");
    return problems;
  }
  if (questions !== 1) return ["判断项应恰有一个“是否”"];
  const question = questionPart(prompt);
  const problems: string[] = [];
  if (NEGATION.test(question.replace(ALLOWED_LIMITS, "")))
    problems.push("“是否”之后有否定或违规措辞（双重否定，或“是”表示违规）");
  if (SECOND_CLAUSE.test(question)) problems.push("“是否”之后有第二个分句（一项只问一件事）");
  const verbsLeading = question
    .split(/[、和及与]/u)
    .map((part) => VERBS.find((verb) => part.startsWith(verb)))
    .filter((verb): verb is string => verb !== undefined);
  if (new Set(verbsLeading).size > 1) problems.push("用“、/和/及/与”并列了两个不同动作");
  return problems;
}

/** Words that mark working notes, which belong in provenance and never in a printed basis. */
const WORKING_NOTE = /种子资料|督查实践|地方实践|当地|工作总结|汇报|自查报告/u;

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

  it(`holds at least ${MINIMUM_LIBRARY_ITEMS} items`, () => {
    expect(items.length).toBeGreaterThanOrEqual(MINIMUM_LIBRARY_ITEMS);
  });

  it("words every prompt so that 符合 means compliant, one fact per prompt", () => {
    const broken = items.flatMap((item) => {
      const problems = promptProblems(item);
      return problems.length === 0 ? [] : [`${item.code} ${item.prompt}：${problems.join("；")}`];
    });
    expect(broken).toEqual([]);
  });

  it("writes findings and requirements as statements, never as 是否 questions", () => {
    const questions = items
      .filter((item) => /是否|？/u.test(item.finding) || /是否|？/u.test(item.requirement))
      .map((item) => item.code);
    expect(questions).toEqual([]);
  });

  it("cites only documents in force, and keeps working notes out of the basis", () => {
    const misplaced = items
      .filter(
        (item) =>
          WORKING_NOTE.test(formatBasis(item.basis).replace("地方实践", "")) ||
          item.basis.some((citation) => citation.status !== "现行有效") ||
          (item.provenance !== "" && formatBasis(item.basis).includes(item.provenance)),
      )
      .map((item) => item.code);
    expect(misplaced).toEqual([]);
  });

  it("says in provenance where an item without a basis comes from", () => {
    const unexplained = items
      .filter((item) => item.basis.length === 0 && item.provenance.trim() === "")
      .map((item) => item.code);
    expect(unexplained).toEqual([]);
  });

  it("tags every item with at least one framework", () => {
    expect(items.filter((item) => item.frameworks.length === 0).map((item) => item.code)).toEqual(
      [],
    );
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
