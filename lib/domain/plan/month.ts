/** Calendar months without zod: the inspector's school list orders by them (issue #10). */
import { toChinaDate } from "../dates";
import type { Month } from "./visit-rule";

/** The China calendar month of an instant. */
export function monthOf(epochMs: number): Month {
  return toChinaDate(epochMs).slice(0, 7);
}
