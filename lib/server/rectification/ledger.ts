/**
 * The 整改台账 exports, streamed: an Excel workbook (exceljs's streaming writer — a 汇总 sheet, then
 * one sheet per 检查领域) and a CSV (UTF-8 with BOM, so Excel opens it in Chinese). Rows come from
 * the ledger read model in keyset batches and leave as they are formatted, so memory stays flat
 * however many items the filters match; the writer waits while the client is slow to read.
 */
import "server-only";

import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";

import ExcelJS from "exceljs";

import { toChinaDate } from "@/lib/domain/dates";
import type { User } from "@/lib/domain/org/org.schema";
import type { ItemFilters, ItemRow } from "@/lib/domain/rectification/ledger.schema";
import {
  RECTIFICATION_MODE_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from "@/lib/domain/rectification/rectification.schema";
import { SEVERITY_LABELS } from "@/lib/domain/template/template.labels";
import { DOMAIN_LABELS } from "@/lib/domain/template/template.schema";

import type { Executor } from "../db/client";
import type { PageRequest } from "../db/keyset";
import { exportBatch, summarizeByDomain } from "../repositories/rectification/ledger-query";

const BATCH = 1000;

type Cell = string | number | Date | null;
type Column = {
  header: string;
  width: number;
  /** Dates are China calendar dates; Excel gets them as real dates, CSV as YYYY-MM-DD. */
  kind: "text" | "wrap" | "date" | "number";
  value(row: ItemRow): string | number | null;
};

const dateOf = (ms: number | null | undefined) => (ms == null ? null : toChinaDate(ms));

const COLUMNS: Column[] = [
  { header: "学校", width: 24, kind: "text", value: (r) => r.schoolName },
  { header: "责任区", width: 14, kind: "text", value: (r) => r.zoneName },
  { header: "检查领域", width: 14, kind: "text", value: (r) => (r.domain ? DOMAIN_LABELS[r.domain] : "") },
  { header: "通知书编号", width: 22, kind: "text", value: (r) => r.noticeNumber ?? "" },
  { header: "检查项编号", width: 11, kind: "text", value: (r) => r.item.itemCode },
  { header: "检查内容", width: 36, kind: "wrap", value: (r) => r.item.prompt },
  { header: "问题描述", width: 40, kind: "wrap", value: (r) => r.item.description },
  { header: "问题等级", width: 9, kind: "text", value: (r) => SEVERITY_LABELS[r.item.severity] },
  { header: "整改方式", width: 12, kind: "text", value: (r) => RECTIFICATION_MODE_LABELS[r.item.mode] },
  { header: "发现日期", width: 12, kind: "date", value: (r) => dateOf(r.item.createdAt) },
  { header: "整改期限", width: 12, kind: "date", value: (r) => r.item.dueDate },
  { header: "状态", width: 9, kind: "text", value: (r) => RECTIFICATION_STATUS_LABELS[r.item.status] },
  { header: "逾期天数", width: 9, kind: "number", value: (r) => r.daysOverdue },
  { header: "督学", width: 10, kind: "text", value: (r) => r.inspectorName },
  { header: "学校整改报告", width: 40, kind: "wrap", value: (r) => r.item.response?.text ?? "" },
  { header: "报告提交日期", width: 12, kind: "date", value: (r) => dateOf(r.item.response?.submittedAt) },
  {
    header: "复查意见",
    width: 30,
    kind: "wrap",
    value: (r) =>
      r.item.status === "closed"
        ? r.reviewNote || (r.item.mode === "on_site" ? "立行立改，现场销号" : "复查通过")
        : r.item.status === "returned" && r.item.returnReason
          ? `退回：${r.item.returnReason}`
          : "",
  },
  { header: "销号日期", width: 12, kind: "date", value: (r) => dateOf(r.item.closedAt) },
]; // prettier-ignore

/** The export's Chinese column headers, in order. */
export const LEDGER_HEADERS = COLUMNS.map((c) => c.header);

export type LedgerExport = {
  db: Executor;
  user: User;
  filters: ItemFilters;
  now: number;
};

/** Every matching row, read in keyset batches of 1,000 (no connection or snapshot held between them). */
async function* exportRows(source: LedgerExport, extra?: ItemFilters): AsyncGenerator<ItemRow> {
  const filters = { ...source.filters, ...extra };
  let request: PageRequest = { key: null, forward: true, limit: BATCH };
  for (;;) {
    const rows = await exportBatch(source.db, source.user, filters, request, source.now);
    yield* rows;
    const last = rows[rows.length - 1];
    if (rows.length < BATCH || last === undefined) return;
    request = { ...request, key: [last.item.createdAt, last.item.id] };
  }
}

/** A China calendar date as Excel's date: midnight UTC of that day, so every viewer sees the same day. */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The row's cells: dates as dates, and nothing at all (not an empty text) where there is no value. */
function xlsxCells(row: ItemRow): Cell[] {
  return COLUMNS.map((c) => {
    const value = c.value(row);
    if (value === "" || value === null) return null;
    return c.kind === "date" && typeof value === "string" ? excelDate(value) : value;
  });
}

/** Waits while the client is behind, so rows never pile up in memory. */
async function keepPace(out: PassThrough): Promise<void> {
  while (out.writableNeedDrain) await once(out, "drain");
}

/** The workbook as a stream of .xlsx bytes: 汇总 first, then one sheet per 检查领域 with rows. */
export function streamLedgerXlsx(source: LedgerExport): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Shared strings would keep every distinct text in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = "督学巡检";
  const today = toChinaDate(source.now);
  workbook.title = `整改台账（截至 ${today}）`;

  async function write() {
    const domains = await summarizeByDomain(source.db, source.user, source.filters, source.now);
    const summary = workbook.addWorksheet("汇总", { views: [{ state: "frozen", ySplit: 1 }] });
    summary.columns = [
      { header: "检查领域", key: "domain", width: 20 },
      { header: "整改事项", key: "total", width: 10 },
      { header: "已销号", key: "closed", width: 10 },
      { header: "已撤销", key: "cancelled", width: 10 },
      { header: "未销号", key: "open", width: 10 },
      { header: "逾期", key: "overdue", width: 10 },
      { header: "销号率", key: "rate", width: 10, style: { numFmt: "0.0%" } },
    ];
    summary.getRow(1).font = { bold: true };
    for (const d of domains) {
      const counted = d.total - d.cancelled;
      summary
        .addRow({
          domain: DOMAIN_LABELS[d.domain],
          total: d.total,
          closed: d.closed,
          cancelled: d.cancelled,
          open: d.total - d.closed - d.cancelled,
          overdue: d.overdue,
          rate: counted > 0 ? d.closed / counted : null,
        })
        .commit();
    }
    summary.addRow([`统计截至 ${today}`]).commit();
    summary.commit();

    for (const { domain } of domains) {
      const sheet = workbook.addWorksheet(DOMAIN_LABELS[domain].replace(/[\\/?*[\]:]/g, "、"), {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = COLUMNS.map((c) => ({
        header: c.header,
        width: c.width,
        style:
          c.kind === "date"
            ? { numFmt: "yyyy-mm-dd" }
            : c.kind === "wrap"
              ? { alignment: { wrapText: true, vertical: "top" } }
              : { alignment: { vertical: "top" } },
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
      let n = 0;
      for await (const row of exportRows(source, { domain: [domain] })) {
        sheet.addRow(xlsxCells(row)).commit();
        if (++n % 200 === 0) await keepPace(out);
      }
      sheet.commit();
    }
    await workbook.commit();
  }
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same rows as CSV text lines, after a BOM and the header line. */
export function streamLedgerCsv(source: LedgerExport): Readable {
  async function* lines() {
    yield Buffer.from(`\uFEFF${COLUMNS.map((c) => csvField(c.header)).join(",")}\r\n`);
    let chunk = "";
    for await (const row of exportRows(source)) {
      chunk += `${COLUMNS.map((c) => csvField(c.value(row))).join(",")}\r\n`;
      if (chunk.length > 64 * 1024) {
        yield Buffer.from(chunk);
        chunk = "";
      }
    }
    if (chunk !== "") yield Buffer.from(chunk);
  }
  return Readable.from(lines());
}
