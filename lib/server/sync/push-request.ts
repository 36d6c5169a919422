/**
 * How POST /api/sync/push reads its body: an oversized body is refused before it is held (413),
 * and control characters are left to each mutation's own parse, so that one bad mutation is a
 * rejection rather than a failed batch (the envelope is the contract's schema).
 */
import "server-only";

import type { BodyReading } from "../contract-route";

/**
 * A full batch (100 mutations) of the largest answers is about 1.2 MB of JSON; anything past this is
 * not a push from our app.
 */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

export const PUSH_BODY: BodyReading = {
  limit: { maxBytes: MAX_PUSH_BYTES, what: "同步内容", hint: "，请分批同步" },
  allowControlChars: true,
};
