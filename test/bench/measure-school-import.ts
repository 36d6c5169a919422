/**
 * Imports 5,000 generated schools (a county-sized .xlsx) as the demo office through the real import
 * endpoint — exceljs reading, the row parser, one transaction of multi-row upserts into PostgreSQL —
 * and reports the wall time of the request.
 */
import { schoolContracts } from "@/lib/contracts/schools";

import { schoolRows, xlsxOf } from "../helpers/school-sheet";

export const IMPORT_SCHOOLS = 5000;

export async function measureSchoolImport(
  baseUrl: string,
  officeCookie: string,
): Promise<{ ms: number; bytes: number }> {
  const file = await xlsxOf(schoolRows(IMPORT_SCHOOLS, { prefix: "BENCH" }));
  const started = performance.now();
  const response = await fetch(`${baseUrl}${schoolContracts.importFile.path}`, {
    method: "POST",
    headers: {
      cookie: officeCookie,
      origin: baseUrl,
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    body: new Uint8Array(file),
  });
  const ms = performance.now() - started;
  const body: unknown = await response.json();
  const parsed = schoolContracts.importFile.response.safeParse(body);
  if (!parsed.success) {
    throw new Error(`学校导入失败：HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  }
  const result = parsed.data;
  if (result.total !== IMPORT_SCHOOLS) {
    throw new Error(`学校导入失败：${JSON.stringify(result).slice(0, 500)}`);
  }
  return { ms, bytes: file.length };
}
