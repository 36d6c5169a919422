/**
 * Which 整改事项 are still open, apart from the schemas so that code which only reads stored items
 * (the phone's stores) loads no zod.
 */
import type { RectificationItem, RectificationStatus } from "./rectification.schema";

/** Closed and cancelled are final: nothing happens to such an item any more. */
export const FINAL_STATUSES: readonly RectificationStatus[] = ["closed", "cancelled"];

export function isFinalStatus(status: RectificationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether the item still needs the inspector: not 已销号 or 撤销. */
export function isOpenItem(item: Pick<RectificationItem, "status">): boolean {
  return !isFinalStatus(item.status);
}
