import type { Id } from "../ids";
import type { RectificationMutation } from "../mutations";
import type { PhotoId } from "../photo/photo.schema";
import type { Refused } from "../refusal";
import type {
  RectificationAction,
  RectificationActor,
  RectificationItem,
} from "./rectification.schema";
import { daysOverdue, transition } from "./transition";
import type { DateString } from "../visit/answer.schema";

/**
 * The "rectification.act" mutation for an action on the item as the person saw it: its version is
 * the one the server must still hold, or the action is refused (someone acted meanwhile).
 */
export function actMutation(
  item: Pick<RectificationItem, "id" | "version">,
  action: RectificationAction,
  mutationId: Id,
  now: number,
): RectificationMutation {
  return {
    id: mutationId,
    name: "rectification.act",
    createdAt: now,
    // The on-site time travels explicitly: the server keeps it beside its own time.
    args: { itemId: item.id, expectedVersion: item.version, action, occurredAt: now },
  };
}

export type OfflineAct =
  { ok: true; item: RectificationItem; mutation: RectificationMutation } | Refused;

/**
 * An action taken on the phone without the server (a 复查 offline): judged by the same
 * `transition` the server runs, so a mistake is told at once; on success the item as it will be
 * (shown until the sync confirms or refuses it) and the mutation that asks the server for it.
 */
export function actOffline(
  item: RectificationItem,
  action: RectificationAction,
  actor: RectificationActor,
  mutationId: Id,
  now: number,
): OfflineAct {
  const result = transition(item, action, actor, now);
  if (!result.ok) return result;
  return { ok: true, item: result.item, mutation: actMutation(item, action, mutationId, now) };
}

/**
 * Every photo a 复查 of these items shows (the finding's, the school's evidence, the after-photos),
 * each once: what the phone keeps so they show offline.
 */
export function followUpPhotoIds(items: readonly RectificationItem[]): PhotoId[] {
  const ids = items.flatMap((item) => [
    ...item.photoIds,
    ...(item.response?.photoIds ?? []),
    ...item.afterPhotoIds,
  ]);
  return [...new Set(ids)];
}

/** Where an item stands in the 复查 list: the school answered, past due, or neither. */
export type FollowUpGroup = "submitted" | "overdue" | "other";

export function followUpGroup(item: RectificationItem, today: DateString): FollowUpGroup {
  if (item.status === "submitted") return "submitted";
  return daysOverdue(item, today) > 0 ? "overdue" : "other";
}

const GROUP_RANK: Record<FollowUpGroup, number> = { submitted: 0, overdue: 1, other: 2 };

/**
 * The order a 复查 works through a school's open items: those the school answered (待复查) first,
 * oldest answer first; then overdue ones, longest overdue first; then the rest by due date, items
 * without one last. Ties go by id so the list never reshuffles.
 */
export function orderForFollowUp(
  items: readonly RectificationItem[],
  today: DateString,
): RectificationItem[] {
  const key = (item: RectificationItem) => {
    const group = followUpGroup(item, today);
    const within =
      group === "submitted"
        ? (item.response?.submittedAt ?? item.updatedAt)
        : group === "overdue"
          ? -daysOverdue(item, today)
          : item.dueDate === null
            ? Number.POSITIVE_INFINITY
            : Date.parse(item.dueDate);
    return { rank: GROUP_RANK[group], within };
  };
  return items
    .map((item) => ({ item, ...key(item) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.within - b.within ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    )
    .map(({ item }) => item);
}
