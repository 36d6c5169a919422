import { describe, expect, it } from "vitest";

import { parseTemplateImport } from "@/lib/domain/template/import-template";

import { aClassSizeItem, aTemplate, aTemplateItem } from "@/test/helpers/builders/template";

/** An exported template as plain JSON, with edits applied to its items. */
function exported(items: unknown[] = [aTemplateItem(), aClassSizeItem()], extra: object = {}) {
  return { ...JSON.parse(JSON.stringify(aTemplate({ version: 3 }))), items, ...extra } as Record<
    string,
    unknown
  >;
}

function errorsOf(json: unknown): string[] {
  const result = parseTemplateImport(json);
  return result.ok ? [] : result.errors;
}

describe("parseTemplateImport", () => {
  it("returns the template input of an exported template, dropping version, status and time", () => {
    const { version: _v, status: _s, publishedAt: _p, ...input } = aTemplate();
    expect(parseTemplateImport(exported([aTemplateItem()]))).toEqual({ ok: true, template: input });
  });

  it("reads the file's text", () => {
    const result = parseTemplateImport(JSON.stringify(exported()));
    expect(result.ok && result.template.items.map((i) => i.code)).toEqual(["AQ-001", "BX-001"]);
  });

  it.each<[string, unknown, string[]]>([
    ["text that is not JSON", "{ code: campus", ["文件不是有效的 JSON"]],
    ["JSON that is not an object", [1, 2], ["文件内容不是检查表模板"]],
    [
      "an empty object",
      {},
      [
        "「模板编号」：缺少此项",
        "「模板名称」：缺少此项",
        "「检查领域」：请选择检查领域",
        "「说明」：缺少此项",
        "「检查项」：缺少此项",
      ],
    ],
    ["no items", exported([]), ["「检查项」：模板至少需要一个检查项"]],
    [
      "a bad template code",
      exported(undefined, { code: "校园安全" }),
      ["「模板编号」：模板编号只能包含小写字母、数字和连字符，以字母开头"],
    ],
    [
      "a citation without its title",
      exported([
        aTemplateItem(),
        aClassSizeItem(),
        aTemplateItem({ code: "AQ-003", basis: [{ title: "", status: "现行有效" }] }),
      ]),
      ["第 3 项（AQ-003）「检查依据」：请填写文件全称"],
    ],
    [
      "a missing basis",
      exported([{ ...aTemplateItem(), basis: undefined }]),
      ["第 1 项（AQ-001）「检查依据」：缺少此项"],
    ],
    [
      "a missing finding",
      exported([{ ...aTemplateItem(), finding: undefined }]),
      ["第 1 项（AQ-001）「问题表述」：缺少此项"],
    ],
    [
      "a number where text belongs",
      exported([{ ...aTemplateItem(), prompt: 42 }]),
      ["第 1 项（AQ-001）「检查内容」：格式不正确，应为文字"],
    ],
    [
      "an item without a code",
      exported([{ ...aTemplateItem(), code: "" }]),
      ["第 1 项「编号」：检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001"],
    ],
    [
      "an invalid code, named as written",
      exported([aTemplateItem({ code: "aq-1" })]),
      ["第 1 项（aq-1）「编号」：检查项编号格式应为 2–4 个大写字母-三位数字，如 AQ-001"],
    ],
    [
      "an item that is not an object",
      exported([aTemplateItem(), "AQ-002"]),
      ["第 2 项：格式不正确，应为对象"],
    ],
    [
      "a nested rule",
      exported([
        {
          ...aClassSizeItem(),
          response: {
            type: "number",
            unit: "人",
            rule: { op: "max", value: 56, failResult: "fail" },
          },
        },
      ]),
      ["第 1 项（BX-001）「作答方式」：请选择比较方式"],
    ],
    [
      "a wrongly typed weight",
      exported([{ ...aTemplateItem(), weight: "2" }]),
      ["第 1 项（AQ-001）「权重」：格式不正确，应为数字"],
    ],
    [
      "duplicate item codes",
      exported([
        aTemplateItem(),
        aClassSizeItem(),
        aTemplateItem({ prompt: "门卫室配备一键报警装置" }),
      ]),
      ["第 3 项（AQ-001）「编号」：编号 AQ-001 与第 1 项重复"],
    ],
  ])("names the item and field when the file has %s", (_case, json, errors) => {
    expect(errorsOf(json)).toEqual(errors);
  });

  it("reports every broken item at once, together with duplicate codes", () => {
    const items = [
      aTemplateItem({ prompt: "门卫" }),
      aTemplateItem({ code: "AQ-002", guidance: "" }),
      aTemplateItem({ code: "AQ-002" }),
    ];
    expect(errorsOf(exported(items))).toEqual([
      "第 1 项（AQ-001）「检查内容」：检查内容至少 4 个字",
      "第 2 项（AQ-002）「检查方法」：请填写检查方法",
      "第 3 项（AQ-002）「编号」：编号 AQ-002 与第 2 项重复",
    ]);
  });
});
