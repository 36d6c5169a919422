import { describe, expect, it } from "vitest";

import { formatBasis, formatCitation } from "@/lib/domain/template/citation";
import type { Citation } from "@/lib/domain/template/template.schema";

const meals: Citation = {
  title: "学校食品安全与营养健康管理规定",
  docNo: "教育部 国家市场监督管理总局 国家卫生健康委员会令第45号",
  article: "第十二条",
  status: "现行有效",
};

describe("formatCitation", () => {
  it.each<[string, Citation, string]>([
    [
      "title, 文号 and article",
      meals,
      "《学校食品安全与营养健康管理规定》（教育部 国家市场监督管理总局 国家卫生健康委员会令第45号）第十二条",
    ],
    [
      "a standard number as its 文号",
      { title: "建筑防火通用规范", docNo: "GB 55037-2022", status: "现行有效" },
      "《建筑防火通用规范》（GB 55037-2022）",
    ],
    [
      "a law without 文号 or article",
      { title: "中华人民共和国学前教育法", status: "现行有效" },
      "《中华人民共和国学前教育法》",
    ],
    [
      "a document no longer in force, marked as such",
      { title: "托儿所幼儿园卫生保健管理办法", docNo: "卫生部 教育部令第76号", status: "已修订" },
      "《托儿所幼儿园卫生保健管理办法》（卫生部 教育部令第76号）（已修订）",
    ],
  ])("prints %s", (_case, citation, expected) => {
    expect(formatCitation(citation)).toBe(expected);
  });
});

describe("formatBasis", () => {
  it("joins citations with 「；」", () => {
    expect(formatBasis([meals, { title: "中华人民共和国食品安全法", status: "现行有效" }])).toBe(
      `${formatCitation(meals)}；《中华人民共和国食品安全法》`,
    );
  });

  it("labels an item without citations 地方实践", () => {
    expect(formatBasis([])).toBe("地方实践");
  });
});
