/**
 * The school import file (Excel or CSV) as rows of text: its columns, the template's example row, and
 * the parser that turns the rows into school inputs or into every error, in Chinese, by row and column.
 * Reading the spreadsheet itself is the server's business; this works on the cell texts.
 */
import { z } from "zod";

import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "./org.labels";
import {
  type Canteen,
  type Ownership,
  SCHOOL_FIELD_LABELS,
  type SchoolField,
  type SchoolInput,
  schoolInputSchema,
  type SchoolStage,
  type Zone,
} from "./org.schema";

/** The import file's columns, in order. Required columns must be filled on every row. */
export const SCHOOL_IMPORT_COLUMNS: readonly { field: SchoolField; isRequired: boolean }[] = [
  { field: "code", isRequired: true },
  { field: "name", isRequired: true },
  { field: "stage", isRequired: true },
  { field: "ownership", isRequired: true },
  { field: "isVillage", isRequired: false },
  { field: "isBoarding", isRequired: false },
  { field: "canteen", isRequired: true },
  { field: "hasSchoolBus", isRequired: false },
  { field: "studentCount", isRequired: true },
  { field: "classCount", isRequired: true },
  { field: "zoneId", isRequired: false },
  { field: "address", isRequired: false },
  { field: "principal", isRequired: false },
  { field: "contact", isRequired: false },
  { field: "phone", isRequired: false },
];

/** The header row of the template: the field's Chinese name, "（必填）" on required columns. */
export const SCHOOL_IMPORT_HEADERS: readonly string[] = SCHOOL_IMPORT_COLUMNS.map(
  (c) => `${SCHOOL_FIELD_LABELS[c.field]}${c.isRequired ? "（必填）" : ""}`,
);

/** The filled example row of the template (a zone column left blank: zones may not exist yet). */
export const SCHOOL_IMPORT_EXAMPLE: readonly string[] = [
  "3601020001",
  "示例区第一实验小学",
  STAGE_LABELS.primary,
  OWNERSHIP_LABELS.public,
  "否",
  "否",
  CANTEEN_LABELS.self,
  "否",
  "1200",
  "24",
  "",
  "示例区人民路 1 号",
  "张明",
  "李华",
  "0791-88880001",
];

export const schoolImportErrorSchema = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1); 0 for the file as a whole. */
  row: z.number().int().nonnegative(),
  /** The column header, or null when the error is about the row or the file. */
  column: z.string().nullable(),
  message: z.string(),
});
export type SchoolImportError = z.infer<typeof schoolImportErrorSchema>;

export type SchoolImportResult =
  /** `rows[i]` is the spreadsheet row `schools[i]` came from, for errors found later. */
  { ok: true; schools: SchoolInput[]; rows: number[] } | { ok: false; errors: SchoolImportError[] };

const YES = ["是", "有", "Y", "y", "1"];
const NO = ["否", "无", "N", "n", "0", ""];

const CANTEEN_SHORT: Record<string, Canteen> = {
  无: "none",
  自营: "self",
  承包: "contracted",
  配餐: "catering",
};

function lookup<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.keys(labels) as K[]).find((key) => labels[key] === text);
}

const list = (labels: Record<string, string>) => Object.values(labels).join("、");

type CellResult = { value: unknown } | { problem: string };

/** Turns one cell's text into the field's value, or says in Chinese what is wrong with it. */
function parseCell(field: SchoolField, text: string, zonesByName: Map<string, string>): CellResult {
  switch (field) {
    case "stage": {
      const stage = lookup<SchoolStage>(STAGE_LABELS, text);
      return stage
        ? { value: stage }
        : { problem: `无法识别的学段“${text}”，可填：${list(STAGE_LABELS)}` };
    }
    case "ownership": {
      const ownership = lookup<Ownership>(OWNERSHIP_LABELS, text);
      return ownership
        ? { value: ownership }
        : { problem: `无法识别的办学性质“${text}”，可填：${list(OWNERSHIP_LABELS)}` };
    }
    case "canteen": {
      const canteen = lookup<Canteen>(CANTEEN_LABELS, text) ?? CANTEEN_SHORT[text];
      return canteen
        ? { value: canteen }
        : { problem: `无法识别的食堂类型“${text}”，可填：${list(CANTEEN_LABELS)}` };
    }
    case "isVillage":
    case "isBoarding":
    case "hasSchoolBus":
      if (YES.includes(text)) return { value: true };
      if (NO.includes(text)) return { value: false };
      return { problem: `应填“是”或“否”，不能是“${text}”` };
    case "studentCount":
    case "classCount":
      return /^\d+$/.test(text)
        ? { value: Number(text) }
        : { problem: `应为不小于 0 的整数，不能是“${text}”` };
    case "zoneId": {
      if (text === "") return { value: null };
      const zoneId = zonesByName.get(text);
      if (zoneId) return { value: zoneId };
      const known = [...zonesByName.keys()];
      return {
        problem:
          known.length > 0
            ? `本区县没有名为“${text}”的督学责任区，现有：${known.join("、")}`
            : `本区县还没有督学责任区，请先留空，建好责任区后再分配`,
      };
    }
    case "code":
    case "name":
    case "address":
    case "principal":
    case "contact":
    case "phone":
      return { value: text };
  }
}

/** Normalises a header cell: no spaces, no "（必填）"/"*" marks, so hand-edited headers still match. */
function headerKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/[（(]必填[）)]|\*/g, "");
}

/**
 * Parses the file's rows (first row the headers). Returns every school, or every error: per cell,
 * schema limits, codes repeated within the file. Blank rows are skipped.
 */
export function parseSchoolImport(
  rows: readonly (readonly string[])[],
  zones: readonly Zone[],
): SchoolImportResult {
  const [header = [], ...body] = rows;
  const errors: SchoolImportError[] = [];
  const columnIndex = new Map<SchoolField, number>();
  const headerKeys = header.map((h) => headerKey(h.trim()));
  for (const column of SCHOOL_IMPORT_COLUMNS) {
    const index = headerKeys.indexOf(SCHOOL_FIELD_LABELS[column.field]);
    if (index >= 0) columnIndex.set(column.field, index);
    else if (column.isRequired) {
      errors.push({
        row: 1,
        column: SCHOOL_FIELD_LABELS[column.field],
        message: "表头缺少这一列，请使用下载的模板",
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const zonesByName = new Map(zones.map((z) => [z.name, z.id]));
  const schools: SchoolInput[] = [];
  const schoolRows: number[] = [];
  const rowOfCode = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const textOf = (field: SchoolField) => {
      const index = columnIndex.get(field);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    if (SCHOOL_IMPORT_COLUMNS.every((c) => textOf(c.field) === "")) return;

    const draft: Record<string, unknown> = {};
    const rowErrors: SchoolImportError[] = [];
    for (const column of SCHOOL_IMPORT_COLUMNS) {
      const header = SCHOOL_FIELD_LABELS[column.field];
      const text = textOf(column.field);
      if (text === "" && column.isRequired) {
        rowErrors.push({ row, column: header, message: "必填，不能为空" });
        continue;
      }
      const cell = parseCell(column.field, text, zonesByName);
      if ("problem" in cell) rowErrors.push({ row, column: header, message: cell.problem });
      else draft[column.field] = cell.value;
    }
    if (rowErrors.length === 0) {
      const parsed = schoolInputSchema.safeParse(draft);
      if (parsed.success) {
        schools.push(parsed.data);
        schoolRows.push(row);
      } else {
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as SchoolField;
          rowErrors.push({ row, column: SCHOOL_FIELD_LABELS[field], message: issue.message });
        }
      }
    }
    const code = textOf("code");
    const firstRow = rowOfCode.get(code);
    if (code !== "" && firstRow !== undefined) {
      rowErrors.push({
        row,
        column: SCHOOL_FIELD_LABELS.code,
        message: `学校代码“${code}”与第 ${firstRow} 行重复`,
      });
    } else if (code !== "") rowOfCode.set(code, row);
    errors.push(...rowErrors);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (schools.length === 0)
    return { ok: false, errors: [{ row: 0, column: null, message: "文件中没有学校数据" }] };
  return { ok: true, schools, rows: schoolRows };
}

/** One error as a sentence: 第 7 行「学段」：无法识别的学段“初级中学”，可填：… */
export function describeImportError(error: SchoolImportError): string {
  const where = error.row === 0 ? "文件" : `第 ${error.row} 行`;
  return error.column
    ? `${where}「${error.column}」：${error.message}`
    : `${where}：${error.message}`;
}
