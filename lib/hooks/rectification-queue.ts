"use client";

/**
 * The one way an action on a 整改事项 leaves a device, the school's or the inspector's (复查):
 * judged first by the domain's own `transition`, stored with its photos and its
 * "rectification.act" mutation in ONE IndexedDB transaction, then sent by the sync runtime to the
 * server's one rectification service, which judges it again. Also what they share around it:
 * photos prepared on the device, and the actions still on the device (waiting, or refused with the
 * server's reason).
 */
import type { Id } from "@/lib/domain/ids";
import { actOffline } from "@/lib/domain/rectification/follow-up";
import type {
  RectificationAction,
  RectificationActor,
  RectificationItem,
} from "@/lib/domain/rectification/rectification.schema";
import type { Refusal } from "@/lib/domain/refusal";
import type { PhotoPurpose } from "@/lib/domain/visit/visit.schema";
import type { OutboxEntry } from "@/lib/offline/outbox-store";
import type { NewPhoto } from "@/lib/offline/photo-store";
import type { ProcessedImage } from "@/lib/photos/process-photo";
import { systemClock } from "@/lib/utils/clock";
import { newId } from "@/lib/utils/ids";

import { trackWrite } from "./pending-writes";
import { ensurePersistentStorage } from "./persistent-storage";
import {
  announceDataChanged,
  announceLocalWrite,
  openAppData,
  storageErrorMessage,
  type AppData,
} from "./use-app-db";

/** A processed photo waiting in an action's form, with a preview for the screen. */
export type EvidencePhoto = ProcessedImage & { previewUrl: string };

/**
 * Compresses, watermarks and hashes a camera photo; resolves to the photo or a Chinese error.
 * `takenBy` is the watermark's whole line (e.g. "学校 王芳", "督学 李明"). The image pipeline is
 * loaded on the first photo, so it weighs on no screen that never takes one.
 */
export async function prepareActionPhoto(
  file: File,
  watermark: { schoolName: string; takenBy: string },
): Promise<EvidencePhoto | string> {
  try {
    const { processPhoto } = await import("@/lib/photos/process-photo");
    const image = await processPhoto(file, { ...watermark, takenAt: systemClock.now() });
    return { ...image, previewUrl: URL.createObjectURL(image.thumbnail) };
  } catch (error) {
    return error instanceof Error && error.message ? error.message : "这张照片无法处理，请重新拍摄";
  }
}

/** Frees a preview once the photo leaves the form. */
export function releaseEvidencePhoto(photo: EvidencePhoto): void {
  URL.revokeObjectURL(photo.previewUrl);
}

/**
 * Records `action` on `item` as `actor`: refused at once with the domain's Chinese reason, or stored
 * and queued (resolves to null) and left to the sync. `keepsItem`: the device also keeps the item as
 * it will be (the inspector's pack copy, shown until the server answers); a school's device keeps
 * no items and reads them from the server.
 */
export async function queueRectificationAction(input: {
  item: RectificationItem;
  action: RectificationAction;
  actor: RectificationActor;
  photos: readonly EvidencePhoto[];
  purpose: PhotoPurpose;
  keepsItem: boolean;
}): Promise<string | null> {
  const { item, action, actor, photos } = input;
  const now = systemClock.now();
  const acted = actOffline(item, action, actor, newId(), now);
  if (!acted.ok) return acted.message;
  const records = actionPhotoRecords(photos, {
    visitId: item.visitId,
    takenBy: actor.userId,
    purpose: input.purpose,
    now,
  });
  try {
    const { stores } = await openAppData();
    await trackWrite(
      input.keepsItem
        ? stores.rectification.saveWithMutation(acted.item, records, acted.mutation)
        : stores.photos.saveAllWithMutation(records, acted.mutation),
    );
  } catch (error) {
    return `未能保存：${storageErrorMessage(error)}`;
  }
  ensurePersistentStorage();
  // Wakes the sync; and screens re-read what is on the device.
  announceLocalWrite();
  announceDataChanged();
  return null;
}

/**
 * The records to store for an action's photos. They are filed under the item's visit on the
 * device (the visit whose finding they answer); the server files them under the item's school.
 */
function actionPhotoRecords(
  photos: readonly EvidencePhoto[],
  filing: { visitId: Id; takenBy: Id; purpose: PhotoPurpose; now: number },
): NewPhoto[] {
  return photos.map((photo) => ({
    meta: {
      id: photo.id,
      visitId: filing.visitId,
      mime: photo.mime,
      bytes: photo.bytes,
      width: photo.width,
      height: photo.height,
      capturedAt: filing.now,
      takenBy: filing.takenBy,
      location: null,
      purpose: filing.purpose,
    },
    blob: photo.blob,
    thumbnail: photo.thumbnail,
  }));
}

/**
 * One action on an item on this device: waiting to be sent, refused by the server, or applied and
 * kept for review (an inspector's 复查 only).
 */
export type QueuedAction = {
  mutationId: Id;
  itemId: Id;
  /** The item's school and prompt, when the device kept them with the action (a 复查's). */
  subject: { schoolId: Id; prompt: string } | null;
  action: RectificationAction;
  status: OutboxEntry["status"];
  /** The server's refusal when refused. */
  refusal: Refusal | null;
  createdAt: number;
};

/** More than a device ever queues; the outbox is read in one go. */
const MAX_QUEUED = 1_000;

function toQueued(entry: OutboxEntry): QueuedAction[] {
  const { mutation } = entry;
  if (mutation.name !== "rectification.act") return [];
  return [
    {
      mutationId: mutation.id,
      itemId: mutation.args.itemId,
      subject: entry.subject ?? null,
      action: mutation.args.action,
      status: entry.status,
      refusal: entry.refusal,
      createdAt: mutation.createdAt,
    },
  ];
}

/** Every rectification action on the device: waiting, refused, then applied; each oldest first. */
export async function readQueuedActions({ stores }: AppData): Promise<QueuedAction[]> {
  const [pending, rejected, sent] = await Promise.all([
    stores.outbox.peekBatch(MAX_QUEUED),
    stores.outbox.listRejected(),
    stores.outbox.listSent(),
  ]);
  return [...pending, ...rejected, ...sent].flatMap(toQueued);
}
