/**
 * The school import file on the server side (exceljs): the downloadable template, and reading an
 * uploaded .xlsx or .csv into rows of cell texts for the pure parser in lib/domain/org/school-import.ts.
 */
import "server-only";

import { Readable } from "node:stream";

import ExcelJS from "exceljs";

import { CANTEEN_LABELS, OWNERSHIP_LABELS, STAGE_LABELS } from "@/lib/domain/org/org.labels";
import { SCHOOL_IMPORT_EXAMPLE, SCHOOL_IMPORT_HEADERS } from "@/lib/domain/org/school-import";

/** The template: Chinese headers, one filled example row, and a sheet listing the allowed values. */
export async function buildSchoolTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督学巡检";
  const sheet = workbook.addWorksheet("学校", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...SCHOOL_IMPORT_HEADERS]).font = { bold: true };
  sheet.addRow([...SCHOOL_IMPORT_EXAMPLE]);
  sheet.columns.forEach((column, i) => {
    column.width = Math.max(12, (SCHOOL_IMPORT_HEADERS[i]?.length ?? 0) * 2 + 2);
    // Text cells, so codes and phone numbers keep their leading zeros.
    column.numFmt = "@";
  });
  const help = workbook.addWorksheet("填写说明");
  help.addRows([
    ["列", "可填的值"],
    ["学段", Object.values(STAGE_LABELS).join("、")],
    ["办学性质", Object.values(OWNERSHIP_LABELS).join("、")],
    ["食堂", Object.values(CANTEEN_LABELS).join("、")],
    ["村小/教学点、寄宿制、校车", "是、否（留空为否）"],
    [
      "督学责任区",
      "本区县已有的责任区名称；还没有责任区时留空。已有学校留空则保持原责任区，填了别的责任区即调整责任区，记入操作日志",
    ],
    ["学校代码", "本区县内唯一；再次导入时按学校代码更新已有学校"],
  ]);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 80;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An .xlsx file is a zip archive: it starts with "PK". Anything else is read as CSV text. */
function isXlsx(bytes: Buffer): boolean {
  return bytes.length > 1 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** The first sheet's rows as trimmed cell texts, or null when the file cannot be read. */
export async function readSheetRows(bytes: Buffer): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (isXlsx(bytes)) {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value });
    }
  } catch {
    return null;
  }
  if (!sheet) return null;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text.trim();
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  // Row numbers must match the spreadsheet's, so rows exceljs skipped stay as empty rows.
  return Array.from(rows, (r) => r ?? []);
}
