/**
 * Admission of sync pushes: at most PUSH_SLOTS apply at once in this process, the others wait their
 * turn in memory without a connection. A storm of phones syncing after a day offline must leave
 * connections of the pool to /api/health, sign-in and reads; a push holds one for its transaction.
 */
import "server-only";

import pLimit from "p-limit";

import { POOL_SIZE } from "../db/client";

/** Connections a push storm leaves to everything else. */
const KEPT_FOR_OTHERS = 4;

export const PUSH_SLOTS = POOL_SIZE - KEPT_FOR_OTHERS;

const slots = pLimit(PUSH_SLOTS);

/** Runs `push` when a slot is free. */
export function inPushSlot<T>(push: () => Promise<T>): Promise<T> {
  return slots(push);
}
