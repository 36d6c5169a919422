/**
 * Imports 5,000 generated schools (a county-sized .xlsx) as the demo office through the real import
 * endpoint — exceljs reading, the row parser, one transaction of multi-row upserts into PostgreSQL —
 * and reports the wall time of the request.
 */
import { schoolImportResponseSchema } from "@/lib/domain/org/school-api";

import { schoolRows, xlsxOf } from "../helpers/school-sheet";

export const IMPORT_SCHOOLS = 5000;

export async function measureSchoolImport(
  baseUrl: string,
  officeCookie: string,
): Promise<{ ms: number; bytes: number }> {
  const file = await xlsxOf(schoolRows(IMPORT_SCHOOLS, { prefix: "BENCH" }));
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/org/schools/import`, {
    method: "POST",
    headers: { cookie: officeCookie, origin: baseUrl },
    body: new Uint8Array(file),
  });
  const ms = performance.now() - started;
  const result = schoolImportResponseSchema.parse(await response.json());
  if (!result.ok || result.total !== IMPORT_SCHOOLS) {
    throw new Error(`学校导入失败：${JSON.stringify(result).slice(0, 500)}`);
  }
  return { ms, bytes: file.length };
}
