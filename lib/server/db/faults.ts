/**
 * Tells a database that is down, stalled or restarting apart from every other error, so that callers
 * answer "try again later" (503) rather than a 500. Knows pg's and PostgreSQL's ways of saying so.
 */
import "server-only";

/** Socket errors and SQLSTATEs: connection exceptions (08…), shutdown and restart (57P0…), a cancelled statement (57014), too many connections (53300). */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "53300",
  "57014",
  "57P01",
  "57P02",
  "57P03",
]);

/** pg's own errors carry no code: a full pool, a timed-out connect or query, a dropped connection. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /connection error/i,
  /connection timeout/i,
  /not queryable/i,
];

/** True when `error` (or any error it wraps, as Drizzle and better-auth do) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let current = error;
    current instanceof Error && !seen.has(current);
    current = current.cause
  ) {
    seen.add(current);
    const code = "code" in current ? String(current.code) : "";
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08")) return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current.message))) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
  }
  return false;
}

/** What a client is told while the database is unavailable. */
export const DATABASE_UNAVAILABLE_MESSAGE = "数据库暂时不可用，请稍后再试";
