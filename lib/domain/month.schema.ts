import { z } from "zod";

import "./zod-locale";

/**
 * A month, "2026-03", from 2000-01 to 2099-12: the years a date may have (`dateStringSchema`), so a
 * month's days are always dates the rest of the domain takes. Its conversions are month.ts.
 */
export const monthSchema = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, "月份应为 2000-01 至 2099-12 之间的 YYYY-MM");
