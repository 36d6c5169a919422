/**
 * Applies what the server sent on a pull, together with the new cursor, in one transaction: a
 * crash can never advance the cursor past changes that were not stored. The server wins, except
 * for visits with mutations still waiting to be pushed: those keep the phone's copy, which is
 * re-pushed and comes back on a later pull. The changes were parsed as they arrived (the sync
 * protocol), so they are stored as they are and read with the cheap check of read-record.ts.
 */
import type { Id } from "@/lib/domain/ids";
import { isOpenItem } from "@/lib/domain/rectification/open-item";
import type { RectificationItem } from "@/lib/domain/rectification/rectification.schema";
import type { Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";

export type PulledChanges = {
  cursor: string;
  /** The changes are a full snapshot: drop server data the phone holds no unsent edits for. */
  reset: boolean;
  visits: readonly Visit[];
  answers: readonly VisitAnswer[];
  /** Items that are closed or cancelled are removed from the phone. */
  items: readonly RectificationItem[];
};

export type PullStore = ReturnType<typeof createPullStore>;

export function createPullStore(db: AppDb) {
  return {
    async apply(changes: PulledChanges): Promise<void> {
      const tx = db.transaction(
        ["visits", "answers", "rectificationItems", "outbox", "meta"],
        "readwrite",
      );
      const visits = tx.objectStore("visits");
      const answers = tx.objectStore("answers");
      const items = tx.objectStore("rectificationItems");
      const pendingByVisit = tx.objectStore("outbox").index("byVisitStatus");
      const pending = new Map<Id, boolean>();
      const hasPending = async (visitId: Id): Promise<boolean> => {
        let known = pending.get(visitId);
        if (known === undefined) {
          known = (await pendingByVisit.count([visitId, "pending"])) > 0;
          pending.set(visitId, known);
        }
        return known;
      };

      if (changes.reset) {
        for (const visitId of await visits.getAllKeys()) {
          if (await hasPending(visitId)) continue;
          for (const key of await answers.index("byVisitId").getAllKeys(visitId))
            await answers.delete(key);
          await visits.delete(visitId);
        }
        await items.clear();
      }
      for (const visit of changes.visits) {
        if (!(await hasPending(visit.id))) await visits.put(visit);
      }
      for (const answer of changes.answers) {
        if (!(await hasPending(answer.visitId))) await answers.put(answer);
      }
      for (const item of changes.items) {
        if (isOpenItem(item)) await items.put(item);
        else await items.delete(item.id);
      }
      await tx.objectStore("meta").put({ key: "pullCursor", value: changes.cursor });
      await tx.done;
    },
  };
}
