/**
 * Import files as an office would fill them: the template's headers and n generated schools, written
 * as a real .xlsx (exceljs) or CSV. Used by the integration tests, the bench and the e2e.
 */
import ExcelJS from "exceljs";

import { SCHOOL_IMPORT_HEADERS } from "@/lib/domain/org/school-import";

const STAGES = ["小学", "初中", "幼儿园", "九年一贯制", "高中"];
const CANTEENS = ["自营食堂", "承包经营", "校外配餐", "无食堂"];

/** n schools' rows (without the header), codes prefix+0001…; `zone` fills the zone column. */
export function schoolRows(
  n: number,
  options: { prefix?: string; zone?: (i: number) => string } = {},
): string[][] {
  const prefix = options.prefix ?? "T";
  return Array.from({ length: n }, (_, i) => [
    `${prefix}${String(i + 1).padStart(4, "0")}`,
    `测试第${i + 1}学校`,
    STAGES[i % STAGES.length]!,
    i % 7 === 0 ? "民办" : "公办",
    i % 5 === 0 ? "是" : "否",
    i % 4 === 0 ? "是" : "否",
    CANTEENS[i % CANTEENS.length]!,
    i % 3 === 0 ? "是" : "否",
    String(200 + i),
    String(6 + (i % 30)),
    options.zone?.(i) ?? "",
    `测试路 ${i + 1} 号`,
    `校长${i + 1}`,
    `联系人${i + 1}`,
    `0791-${String(80000000 + i)}`,
  ]);
}

export async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学校");
  sheet.addRow([...SCHOOL_IMPORT_HEADERS]);
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: string[][]): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [[...SCHOOL_IMPORT_HEADERS], ...rows].map((r) => r.map(quote).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf-8");
}
