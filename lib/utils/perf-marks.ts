/**
 * Names of the Performance API measures the app records, so field monitoring and `npm run bench`
 * read the same figures the app writes.
 */

/** From tapping an answer to its IndexedDB commit (with its outbox entry). */
export const ANSWER_SAVED_MEASURE = "duxue:answer-saved";
