/**
 * What opening a visit reads (issue #10), in two ways behind one shape. `quickVisitReads` goes to
 * IndexedDB directly and gives each record the cheap check of read-record.ts, so a visit opens
 * without loading the stores' code; the first record that fails the check (damage, a foreign
 * record) makes it throw `FullReadNeeded`, and the caller reads again with `storeVisitReads`, whose
 * stores report such a record and open the visit without it.
 */
import type { Id } from "@/lib/domain/ids";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { Template, TemplateRef } from "@/lib/domain/template/template.schema";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { PhotoMeta, Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import type { PhotoRecord, UploadState } from "./db-schema";
import { readRecord, type ReportUnreadable } from "./read-record";
import type { AppStores } from "./stores";

/** A photo without its bytes, for lists and sync state. */
export type StoredPhoto = { meta: PhotoMeta; uploadState: UploadState; uploadError: string | null };

export function withoutBytes({ meta, uploadState, uploadError }: PhotoRecord): StoredPhoto {
  return { meta, uploadState, uploadError };
}

export type VisitReads = {
  visit(id: Id): Promise<Visit | undefined>;
  deadlinePolicy(): Promise<DeadlinePolicy>;
  school(id: Id): Promise<PackSchool | undefined>;
  answers(visitId: Id): Promise<VisitAnswer[]>;
  photos(visitId: Id): Promise<StoredPhoto[]>;
  template(ref: TemplateRef): Promise<Template | undefined>;
};

/** A record failed the cheap check: read the visit through the stores, which report and skip it. */
export class FullReadNeeded extends Error {}

/** The stores' own read (readRecord), except that a record failing the check stops the quick read. */
const needFullRead: ReportUnreadable = ({ store }) => {
  throw new FullReadNeeded(store);
};

export function quickVisitReads(db: AppDb): VisitReads {
  return {
    visit: async (id) => readRecord("visits", id, await db.get("visits", id), needFullRead),
    async deadlinePolicy() {
      const key = "deadlinePolicy";
      const record = readRecord("meta", key, await db.get("meta", key), needFullRead);
      if (record === undefined) return DEFAULT_DEADLINE_POLICY;
      if (record.key !== key) throw new FullReadNeeded("meta");
      return record.value;
    },
    school: async (id) => readRecord("schools", id, await db.get("schools", id), needFullRead),
    answers: async (visitId) =>
      (await db.getAllFromIndex("answers", "byVisitId", visitId)).map((raw, i) =>
        readRecord("answers", i, raw, needFullRead)!,
      ),
    photos: async (visitId) =>
      (await db.getAllFromIndex("photos", "byVisitId", visitId)).map((raw, i) =>
        withoutBytes(readRecord("photos", i, raw, needFullRead)!),
      ),
    template: async (ref) => {
      const key: [string, number] = [ref.code, ref.version];
      return readRecord("templates", key, await db.get("templates", key), needFullRead);
    },
  };
}

export function storeVisitReads(stores: AppStores): VisitReads {
  return {
    visit: (id) => stores.visits.get(id),
    deadlinePolicy: () => stores.meta.getDeadlinePolicy(),
    school: (id) => stores.pack.getSchool(id),
    answers: (visitId) => stores.answers.listForVisit(visitId),
    photos: (visitId) => stores.photos.listForVisit(visitId),
    template: (ref) => stores.pack.getTemplate(ref),
  };
}
