import { v7 as uuidv7 } from "uuid";

import type { Id } from "@/lib/domain/ids";

/** A new UUIDv7: time-ordered, so ids sort roughly by creation and index well. */
export function newId(): Id {
  return uuidv7();
}
