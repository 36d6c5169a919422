/**
 * The printable credential sheet (.xlsx, exceljs) of newly opened school accounts: 学校, 学校代码,
 * 账号, 初始密码 and where to sign in. Built from what the caller sends back and never stored, so the
 * one-time passwords exist only in that response and on paper.
 */
import "server-only";

import ExcelJS from "exceljs";

import type { CredentialRow } from "@/lib/domain/org/people";

const HEADERS = ["学校", "学校代码", "账号", "初始密码", "登录网址"];
const WIDTHS = [32, 14, 22, 16, 36];

export async function buildCredentialSheet(
  rows: readonly CredentialRow[],
  signInUrl: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督学巡检";
  const sheet = workbook.addWorksheet("学校账号", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: WIDTHS[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows)
    sheet.addRow([row.schoolName, row.schoolCode, row.username, row.password, signInUrl]);
  // Printed for each school: the header repeats on every page.
  sheet.pageSetup.printTitlesRow = "1:1";
  sheet.headerFooter.oddFooter = "首次登录后须修改密码，请妥善保管";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
