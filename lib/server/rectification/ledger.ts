/**
 * The 整改台账 as an Excel workbook (exceljs): one row per item, the columns an office files and
 * reports with. Reads rows the caller already scoped (listItems); formats them, nothing more.
 */
import "server-only";

import ExcelJS from "exceljs";

import { toChinaDate } from "@/lib/domain/dates";
import {
  RECTIFICATION_MODE_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.schema";

import type { ItemRow } from "./queries";

const COLUMNS: { header: string; width: number; value: (row: ItemRow) => string | number }[] = [
  { header: "学校", width: 24, value: (r) => r.schoolName },
  { header: "责任区", width: 12, value: (r) => r.zoneName },
  { header: "通知书编号", width: 22, value: (r) => r.noticeNumber ?? "" },
  { header: "检查项编号", width: 11, value: (r) => r.item.itemCode },
  { header: "检查内容", width: 40, value: (r) => r.item.prompt },
  { header: "问题描述", width: 40, value: (r) => r.item.description },
  { header: "问题等级", width: 9, value: (r) => SEVERITY_LABELS[r.item.severity] },
  { header: "整改方式", width: 10, value: (r) => RECTIFICATION_MODE_LABELS[r.item.mode] },
  { header: "整改期限", width: 12, value: (r) => r.item.dueDate ?? "" },
  { header: "状态", width: 9, value: (r) => RECTIFICATION_STATUS_LABELS[r.item.status] },
  { header: "逾期天数", width: 9, value: (r) => r.daysOverdue },
  {
    header: "销号日期",
    width: 12,
    value: (r) => (r.item.closedAt === null ? "" : toChinaDate(r.item.closedAt)),
  },
];

/** The workbook's bytes (.xlsx). */
export async function buildLedgerWorkbook(
  rows: readonly ItemRow[],
  today: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督学巡检";
  const sheet = workbook.addWorksheet("整改台账", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.value(row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  workbook.title = `整改台账（截至 ${today}）`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
