/**
 * 整改通知书 numbers in the 文号 style of official documents: issuer prefix, year in 六角括号,
 * serial — "示范区督〔2026〕第12号". Real 文号 often drop the 第 (杜教〔2013〕9号); the product
 * keeps it, as the notice template does. Gap-free allocation per district and year is the server's.
 */
export type NoticeNumber = { prefix: string; year: number; n: number };

export function formatNoticeNumber(prefix: string, year: number, n: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`notice year must have 4 digits: ${year}`);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`notice serial must be a positive integer: ${n}`);
  return `${prefix.trim()}〔${year}〕第${n}号`;
}

// People type the brackets as they can: 〔〕 is correct, ［］ [] 【】 are common stand-ins.
const NOTICE_NUMBER = /^(.*?)[〔［[【](\d{4})[〕］\]】]第?([1-9]\d*)号$/u;

/** Reads a number written by `formatNoticeNumber` (or typed by hand); null when it is not one. */
export function parseNoticeNumber(text: string): NoticeNumber | null {
  const match = NOTICE_NUMBER.exec(text.trim());
  if (match === null) return null;
  const [, prefix = "", year = "", n = ""] = match;
  return { prefix: prefix.trim(), year: Number(year), n: Number(n) };
}
