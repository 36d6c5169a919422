/** Time comes in as an argument so domain rules stay pure and testable. Epoch milliseconds. */
export type Clock = { now(): number };
