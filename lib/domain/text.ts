import { z } from "zod";

/*
 * Text, numbers and instants as every schema takes them from a person or a phone. Control characters
 * are refused (NUL cannot even be stored by PostgreSQL; the others hide text or break exports), as
 * are integers past PostgreSQL's `integer` and instants no phone can mean.
 */

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** A string field named `label` for its messages: "备注不能包含控制字符". Chain `.trim().max(…)` as usual. */
export function textSchema(label: string) {
  return z.string().refine((value) => !hasControlChars(value), `${label}不能包含控制字符`);
}

/** Largest value of a PostgreSQL `integer` column. */
export const MAX_INT32 = 2_147_483_647;

/** An integer that fits the database: counts, versions, sizes. */
export function intSchema(message: string) {
  return z.number(message).int(message).min(-MAX_INT32, message).max(MAX_INT32, message);
}

/** 2000-01-01 to 2100-01-01 (UTC): any instant outside is a broken phone clock or a forged value. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

/** An instant in epoch ms, named `label` for its message ("拍摄时间无效"). */
export function timestampSchema(label = "时间") {
  const message = `${label}无效`;
  return z.number(message).int(message).min(EARLIEST_MS, message).max(LATEST_MS, message);
}

/** The path of the first string (key or value) in a parsed JSON body that holds a control character. */
export function controlCharPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === "string") return hasControlChars(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharPath(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasControlChars(key)) return [...path, key];
      const found = controlCharPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
