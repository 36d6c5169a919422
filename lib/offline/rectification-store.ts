/**
 * Rectification actions taken on the phone (an inspector's 复查 offline): the pack's copy of the
 * item is shown as it will be, with the action's photos and its outbox entry, all in ONE
 * transaction. The server stays the authority: the next pull or pack replaces the copy.
 */
import type { Mutation } from "@/lib/domain/mutations";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";

import type { AppDb } from "./db";
import { loadRecordSchemas } from "./load-record-schemas";
import { putPhotos, type NewPhoto } from "./photo-store";
import { saveAcrossWithMutation } from "./save-with-mutation";

export type RectificationStore = ReturnType<typeof createRectificationStore>;

export function createRectificationStore(db: AppDb) {
  return {
    /**
     * Stores `item` (the pack's copy after the action), the action's photos and `mutation`
     * atomically: either all are on the phone and queued, or none is.
     */
    async saveWithMutation(
      item: RectificationItem,
      photos: readonly NewPhoto[],
      mutation: Mutation,
    ): Promise<void> {
      const schemas = await loadRecordSchemas();
      const valid = schemas.validRecord("rectificationItems", item);
      return saveAcrossWithMutation(
        db,
        ["rectificationItems", "photos"],
        mutation,
        async (tx) => {
          await putPhotos(tx.objectStore("photos"), photos, schemas);
          await tx.objectStore("rectificationItems").put(valid);
        },
        { schoolId: item.schoolId, prompt: item.prompt },
      );
    },
  };
}
