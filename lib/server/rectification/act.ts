/**
 * The one way a person changes a 整改事项, for the REST API and the sync push alike: lock the item,
 * resolve the actor through the scope helper, run the pure transition, append the chained event and
 * store the new state — all in one transaction, or nothing at all.
 */
import "server-only";

import type { z } from "zod";

import type { rectificationActRequestSchema } from "@/lib/contracts/rectification";
import { toChinaDate } from "@/lib/domain/dates";
import type { RectificationActArgs } from "@/lib/domain/mutations";
import type { User } from "@/lib/domain/org/org.schema";
import { type RectificationEvent, withOccurredAt } from "@/lib/domain/rectification/events";
import {
  RECTIFICATION_STATUS_LABELS,
  type RectificationAction,
  type RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { transition, withPolicyDefaults } from "@/lib/domain/rectification/transition";
import { refused, type Refused } from "@/lib/domain/refusal";
import type { PhotoPurpose } from "@/lib/domain/visit/visit.schema";

import { actorFor } from "./access";
import { appendEvent } from "./event-log";
import { lockChangeSeq } from "../db/change-seq";
import type { Executor } from "../db/client";
import { districtRepository } from "../repositories/org/district-repository";
import { photoRepository } from "../repositories/photo-repository";
import { itemRepository } from "../repositories/rectification/item-repository";

/** `occurredAt`: when it happened on site (an offline action), kept in the event beside its time. */
export type ActInput = z.infer<typeof rectificationActRequestSchema> &
  Pick<RectificationActArgs, "itemId" | "occurredAt">;
export type ActResult = { ok: true; item: RectificationItem; event: RectificationEvent } | Refused;

/**
 * Checks that the action's photos are usable here — uploaded by this user, or already part of the
 * item's school — and files them under that school, so everyone who may see the item sees them.
 * Any other id (never uploaded, or someone else's private upload) refuses the action.
 */
async function attachPhotos(
  tx: Executor,
  user: User,
  item: RectificationItem,
  action: RectificationAction,
): Promise<Refused | null> {
  const ids = "photoIds" in action ? action.photoIds : [];
  if (ids.length === 0) return null;
  const stored = await photoRepository.ownersOf(tx, ids);
  const usable = [...stored.values()].filter(
    (r) => r.schoolId === item.schoolId || (r.schoolId === null && r.uploadedBy === user.id),
  );
  const missing = new Set(ids).size - usable.length;
  if (missing > 0) return refused("photo_missing", `有 ${missing} 张照片尚未上传完成，请稍后重试`);
  // The school's answer is evidence; a reviewer's or on-site photo shows the fixed state.
  const purpose: PhotoPurpose = action.type === "respond" ? "evidence" : "after";
  await photoRepository.fileUnderSchool(tx, ids, item.schoolId, purpose);
  return null;
}

async function act(tx: Executor, user: User, input: ActInput, now: number): Promise<ActResult> {
  await lockChangeSeq(tx);
  const item = await itemRepository.findForUpdate(tx, input.itemId);
  const actor = item === null ? null : await actorFor(tx, user, item.schoolId);
  if (item === null || actor === null) return refused("not_found", "整改事项不存在");
  if (input.expectedVersion !== undefined && input.expectedVersion !== item.version) {
    return refused(
      "stale_version",
      `该事项已被他人处理（当前状态：${RECTIFICATION_STATUS_LABELS[item.status]}），您的操作未生效，请刷新后查看`,
    );
  }
  const policy = await districtRepository.getDeadlinePolicy(tx, item.districtId);
  const action = withPolicyDefaults(input.action, policy, toChinaDate(now));
  const result = transition(item, action, actor, now);
  if (!result.ok) return result;
  const photoRefusal = await attachPhotos(tx, user, item, action);
  if (photoRefusal) return photoRefusal;
  await itemRepository.update(tx, result.item);
  const event = withOccurredAt(result.event, input.occurredAt);
  return { ok: true, item: result.item, event: await appendEvent(tx, event) };
}

/**
 * Applies one action as `user` at `now` (epoch ms). Out of scope or unknown item → not_found; not
 * this user's call → forbidden; not in this state → conflict; a stale expectedVersion →
 * stale_version; bad data → invalid_input; a photo not uploaded yet → photo_missing. On any
 * failure nothing is written. Given a transaction, it runs in a savepoint of it.
 */
export async function applyRectificationAction(
  db: Executor,
  user: User,
  input: ActInput,
  now: number,
): Promise<ActResult> {
  return db.transaction((tx) => act(tx, user, input, now));
}
