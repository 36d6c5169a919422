import type { Clock } from "@/lib/domain/clock";

/**
 * How far the clock is set ahead of (or behind) the wall clock: zero, except in tests. TEST_CLOCK
 * (an ISO date, honoured only when NODE_ENV is "test") starts the clock at that date when this
 * module loads and lets it run on from there, so the integration suite proves that nothing
 * depends on today's date (`npm test` runs it at a fixed date and at one a year later).
 */
function offsetMs(): number {
  const start = process.env.NODE_ENV === "test" ? process.env.TEST_CLOCK : undefined;
  if (!start) return 0;
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`TEST_CLOCK is not a date: ${start}`);
  return at - Date.now();
}
const offset = offsetMs();

/** The one clock of the app and its tests; pure code takes a Clock or a time as an argument. */
export const systemClock: Clock = { now: () => Date.now() + offset };
