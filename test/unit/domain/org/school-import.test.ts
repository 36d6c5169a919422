import { describe, expect, it } from "vitest";

import type { Zone } from "@/lib/domain/org/org.schema";
import {
  describeImportError,
  parseSchoolImport,
  SCHOOL_IMPORT_EXAMPLE,
  SCHOOL_IMPORT_HEADERS,
} from "@/lib/domain/org/school-import";

const ZONE: Zone = {
  id: "0190a000-0000-7000-8000-000000000001",
  districtId: "0190a000-0000-7000-8000-000000000009",
  name: "城东责任区",
};

/** The template's example row with some cells replaced (by header name without 必填). */
function aRow(overrides: Record<string, string> = {}): string[] {
  return SCHOOL_IMPORT_HEADERS.map(
    (header, i) => overrides[header.replace("（必填）", "")] ?? SCHOOL_IMPORT_EXAMPLE[i]!,
  );
}

function messagesOf(rows: string[][]): string[] {
  const result = parseSchoolImport([[...SCHOOL_IMPORT_HEADERS], ...rows], [ZONE]);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map(describeImportError);
}

describe("parseSchoolImport", () => {
  it("reads the template's own example row into a school input", () => {
    const result = parseSchoolImport([[...SCHOOL_IMPORT_HEADERS], aRow()], [ZONE]);
    expect(result).toEqual({
      ok: true,
      schools: [
        {
          code: "3601020001",
          name: "示例区第一实验小学",
          stage: "primary",
          ownership: "public",
          isVillage: false,
          isBoarding: false,
          canteen: "self",
          hasSchoolBus: false,
          studentCount: 1200,
          classCount: 24,
          zoneId: null,
          address: "示例区人民路 1 号",
          principal: "张明",
          contact: "李华",
          phone: "0791-88880001",
        },
      ],
      rows: [2],
    });
  });

  it("keeps each school's spreadsheet row, blank rows skipped", () => {
    const blank = SCHOOL_IMPORT_HEADERS.map(() => "");
    const result = parseSchoolImport(
      [[...SCHOOL_IMPORT_HEADERS], aRow(), blank, aRow({ 学校代码: "X2" })],
      [ZONE],
    );
    expect(result.ok && result.rows).toEqual([2, 4]);
  });

  it("resolves a zone by name and reads 是/有 as yes", () => {
    const result = parseSchoolImport(
      [
        [...SCHOOL_IMPORT_HEADERS],
        aRow({ 督学责任区: "城东责任区", 寄宿制: "是", 校车: "有", 食堂: "配餐" }),
      ],
      [ZONE],
    );
    expect(result.ok && result.schools[0]).toMatchObject({
      zoneId: ZONE.id,
      isBoarding: true,
      hasSchoolBus: true,
      canteen: "catering",
    });
  });

  it("names the row, the column and the allowed values for an unknown stage", () => {
    const rows = [
      aRow(),
      aRow(),
      aRow(),
      aRow(),
      aRow(),
      aRow({ 学段: "初级中学", 学校代码: "X7" }),
    ].map((r, i) => (i < 5 ? aRow({ 学校代码: `C${i}` }) : r));
    expect(messagesOf(rows)).toEqual([
      "第 7 行「学段」：无法识别的学段“初级中学”，可填：幼儿园、小学、初中、九年一贯制、高中、中职、特殊教育",
    ]);
  });

  it("reports every error kind of every bad row, nothing else", () => {
    const messages = messagesOf([
      aRow({ 学校代码: "A1", 学校名称: "", 办学性质: "国有", 食堂: "食堂", 寄宿制: "可能" }),
      aRow({ 学校代码: "A2", 学生数: "-3", 班级数: "二十", 督学责任区: "城北责任区" }),
      aRow({ 学校代码: "A1" }),
      aRow({ 学校代码: "A 3", 联系电话: "电话号码" }),
    ]);
    expect(messages).toEqual([
      "第 2 行「学校名称」：必填，不能为空",
      "第 2 行「办学性质」：无法识别的办学性质“国有”，可填：公办、民办",
      "第 2 行「寄宿制」：应填“是”或“否”，不能是“可能”",
      "第 2 行「食堂」：无法识别的食堂类型“食堂”，可填：无食堂、自营食堂、承包经营、校外配餐",
      "第 3 行「学生数」：应为不小于 0 的整数，不能是“-3”",
      "第 3 行「班级数」：应为不小于 0 的整数，不能是“二十”",
      "第 3 行「督学责任区」：本区县没有名为“城北责任区”的督学责任区，现有：城东责任区",
      "第 4 行「学校代码」：学校代码“A1”与第 2 行重复",
      "第 5 行「学校代码」：学校代码只能由数字、字母、- 和 _ 组成",
      "第 5 行「联系电话」：联系电话只能包含数字、空格和 + - ( )",
    ]);
  });

  it("asks to leave the zone blank when the district has no zones yet", () => {
    const result = parseSchoolImport(
      [[...SCHOOL_IMPORT_HEADERS], aRow({ 督学责任区: "城东责任区" })],
      [],
    );
    expect(!result.ok && result.errors.map(describeImportError)).toEqual([
      "第 2 行「督学责任区」：本区县还没有督学责任区，请先留空，建好责任区后再分配",
    ]);
  });

  it("names each required column missing from the header", () => {
    const header = SCHOOL_IMPORT_HEADERS.filter(
      (h) => !h.startsWith("学段") && !h.startsWith("学校代码"),
    );
    const result = parseSchoolImport([header, aRow()], []);
    expect(!result.ok && result.errors.map(describeImportError)).toEqual([
      "第 1 行「学校代码」：表头缺少这一列，请使用下载的模板",
      "第 1 行「学段」：表头缺少这一列，请使用下载的模板",
    ]);
  });

  it("matches hand-written headers without the 必填 mark and skips blank rows", () => {
    const header = SCHOOL_IMPORT_HEADERS.map((h) => h.replace("（必填）", " * "));
    const result = parseSchoolImport([header, aRow(), SCHOOL_IMPORT_HEADERS.map(() => " ")], []);
    expect(result.ok && result.schools).toHaveLength(1);
  });

  it("refuses a file with headers and no schools", () => {
    expect(messagesOf([])).toEqual(["文件：文件中没有学校数据"]);
  });
});
