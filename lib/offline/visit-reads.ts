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
import type { AppRecord, AppStoreName, PhotoRecord, UploadState } from "./db-schema";
import { migrateRecord } from "./migrations";
import { passesCheck } from "./record-checks";
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

function checked<S extends AppStoreName>(store: S, raw: unknown): AppRecord<S> | undefined {
  if (raw === undefined) return undefined;
  const record = migrateRecord(store, raw);
  if (!passesCheck(store, record)) throw new FullReadNeeded(store);
  return record;
}

export function quickVisitReads(db: AppDb): VisitReads {
  return {
    visit: async (id) => checked("visits", await db.get("visits", id)),
    async deadlinePolicy() {
      const record = checked("meta", await db.get("meta", "deadlinePolicy"));
      if (record === undefined) return DEFAULT_DEADLINE_POLICY;
      if (record.key !== "deadlinePolicy") throw new FullReadNeeded("meta");
      return record.value;
    },
    school: async (id) => checked("schools", await db.get("schools", id)),
    answers: async (visitId) =>
      (await db.getAllFromIndex("answers", "byVisitId", visitId)).map((raw) =>
        checked("answers", raw)!,
      ),
    photos: async (visitId) =>
      (await db.getAllFromIndex("photos", "byVisitId", visitId)).map((raw) =>
        withoutBytes(checked("photos", raw)!),
      ),
    template: async (ref) =>
      checked("templates", await db.get("templates", [ref.code, ref.version])),
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
