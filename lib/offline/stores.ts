/**
 * All stores over one open database, with one place to report unreadable records. This is what
 * lib/hooks and the sync engine receive; nothing outside lib/offline touches idb.
 */
import { createAnswerStore } from "./answer-store";
import type { AppDb } from "./db";
import { createMetaStore } from "./meta-store";
import { createOutboxStore } from "./outbox-store";
import { createPackStore } from "./pack-store";
import { createPhotoStore } from "./photo-store";
import { createPullStore } from "./pull-store";
import { warnUnreadable, type ReportUnreadable } from "./read-record";
import { createRectificationStore } from "./rectification-store";
import { createVisitStore } from "./visit-store";

export type AppStores = ReturnType<typeof createAppStores>;

export function createAppStores(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  return {
    visits: createVisitStore(db, report),
    answers: createAnswerStore(db, report),
    photos: createPhotoStore(db, report),
    outbox: createOutboxStore(db, report),
    pack: createPackStore(db, report),
    meta: createMetaStore(db, report),
    pull: createPullStore(db),
    rectification: createRectificationStore(db),
  };
}
