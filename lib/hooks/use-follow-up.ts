"use client";

/**
 * The 复查 of a school's open 整改事项 in the inspector app, offline like the rest of the visit:
 * the items come from the visit pack; a decision (复查通过, 现场核实销号, 退回, 仍未整改) is judged on
 * the phone by the domain's own transition, then stored — the pack's copy as it will be, the after-photos and the
 * "rectification.act" mutation — in ONE IndexedDB transaction, and sent by the inspector's sync.
 * The server decides: a refusal (someone acted first) comes back into the conflict list.
 */
import { useCallback } from "react";

import { toChinaDate } from "@/lib/domain/dates";
import type { Id } from "@/lib/domain/ids";
import type { User } from "@/lib/domain/org/org.schema";
import { orderForFollowUp } from "@/lib/domain/rectification/follow-up";
import type {
  RectificationAction,
  RectificationActor,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import { withPolicyDefaults } from "@/lib/domain/rectification/transition";
import type { DeadlinePolicy } from "@/lib/domain/template/deadline-policy";
import type { DateString } from "@/lib/domain/visit/answer.schema";
import { keepLocalPhoto } from "@/lib/sync/pack-photos";
import { systemClock } from "@/lib/utils/clock";

import {
  prepareActionPhoto,
  queueRectificationAction,
  readQueuedActions,
  type EvidencePhoto,
  type QueuedAction,
} from "./rectification-queue";
import { openAppData, storageErrorMessage, type AppData } from "./use-app-db";
import { useStoreQuery } from "./use-store-query";

/** One open item of the school with what this phone still holds of the actions on it. */
export type FollowUpEntry = {
  item: RectificationItem;
  /** Waiting to be sent. */
  pending: QueuedAction[];
  /** Refused by the server, with its reason (also in the conflict list). */
  rejected: QueuedAction[];
};

/** An action of this phone on an item of the school, whatever became of it, with the item's prompt. */
export type ActionOnItem = { prompt: string; queued: QueuedAction };

export type FollowUp = {
  today: DateString;
  policy: DeadlinePolicy;
  entries: FollowUpEntry[];
  /**
   * Every action of this phone on the school's items still on it: waiting, refused, or applied
   * and kept for review (even when the item has since been closed and left the phone).
   */
  actions: ActionOnItem[];
};

/** The inspector as the server will judge them: the pack holds only their own schools. */
export function inspectorActor(inspector: Pick<User, "id">): RectificationActor {
  return { userId: inspector.id, role: "inspector", schoolId: null, inspectsSchool: true };
}

/**
 * The school's open items in 复查 order (待复查, then overdue, then the rest), re-read after every
 * sync and after each action here.
 */
export function useFollowUp(schoolId: Id) {
  const load = useCallback(
    async (data: AppData): Promise<FollowUp> => {
      const [items, queued, policy] = await Promise.all([
        data.stores.pack.listOpenItems(schoolId),
        readQueuedActions(data),
        data.stores.meta.getDeadlinePolicy(),
      ]);
      const today = toChinaDate(systemClock.now());
      const entries = orderForFollowUp(items, today).map((item) => {
        const own = queued.filter((q) => q.itemId === item.id);
        return {
          item,
          pending: own.filter((q) => q.status === "pending"),
          rejected: own.filter((q) => q.status === "rejected"),
        };
      });
      const prompts = new Map(items.map((item) => [item.id, item.prompt]));
      const actions = queued.flatMap((q) => {
        const prompt = q.subject?.schoolId === schoolId ? q.subject.prompt : prompts.get(q.itemId);
        return prompt === undefined ? [] : [{ prompt, queued: q }];
      });
      return { today, policy, entries, actions };
    },
    // `written` re-reads after this screen's own writes, which the data version does not signal.
    [schoolId],
  );
  return useStoreQuery(load);
}

/** An after-photo for a 复查, watermarked with the school and the inspector. */
export function prepareFollowUpPhoto(
  file: File,
  watermark: { schoolName: string; inspectorName: string },
): Promise<EvidencePhoto | string> {
  return prepareActionPhoto(file, {
    schoolName: watermark.schoolName,
    takenBy: `督学 ${watermark.inspectorName}`,
  });
}

/**
 * Records a 复查 action offline (rectification-queue.ts): refused at once (Chinese reason) when the
 * domain does not allow it; otherwise stored with its photos and queued, the pack's copy of the
 * item updated, and left to the sync. Resolves to null when stored.
 */
export async function recordFollowUpAction(
  item: RectificationItem,
  action: RectificationAction,
  photos: readonly EvidencePhoto[],
  inspector: Pick<User, "id">,
): Promise<string | null> {
  let policy: DeadlinePolicy;
  try {
    policy = await (await openAppData()).stores.meta.getDeadlinePolicy();
  } catch (error) {
    return `未能保存：${storageErrorMessage(error)}`;
  }
  // A return without a chosen date gets the district's new deadline, from the pack's policy.
  const completed = withPolicyDefaults(action, policy, toChinaDate(systemClock.now()));
  const failure = await queueRectificationAction({
    item,
    action: completed,
    actor: inspectorActor(inspector),
    photos,
    purpose: "after",
    keepsItem: true,
  });
  if (failure !== null) return failure;
  // The item now shows its after-photos: from this phone until they are uploaded.
  await Promise.all(photos.map((photo) => keepLocalPhoto(photo.id, photo.thumbnail)));
  return null;
}
