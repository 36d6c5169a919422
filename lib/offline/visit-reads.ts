/**
 * What opening a visit reads (issue #10), in two ways behind one shape. `quickVisitReads` goes to
 * IndexedDB directly and gives each record only the cheap check of read-record.ts, so a visit opens
 * without loading zod or the stores; the first record that fails the check (an older shape, damage)
 * makes it throw `FullReadNeeded`, and the caller reads again with `storeVisitReads`, whose stores
 * parse such a record in full, fill its defaults or report it.
 */
import type { Id } from "@/lib/domain/ids";
import { DEADLINE_POLICY_KEYS, hasKeys } from "@/lib/domain/required-keys";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { Template, TemplateRef } from "@/lib/domain/template/template.schema";
import type { PackSchool } from "@/lib/domain/visit/visit-pack.schema";
import type { PhotoMeta, Visit, VisitAnswer } from "@/lib/domain/visit/visit.schema";

import type { AppDb } from "./db";
import type { AppStoreName, PhotoRecord, UploadState } from "./db-schema";
import { migrateRecord } from "./migrations";
import { passesCheck } from "./read-record";
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

/** A record failed the cheap check: read the visit through the stores instead. */
export class FullReadNeeded extends Error {}

function checked<T>(store: AppStoreName, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const record = migrateRecord(store, raw);
  if (!passesCheck(store, record)) throw new FullReadNeeded(store);
  return record as T;
}

export function quickVisitReads(db: AppDb): VisitReads {
  const all = async <T>(store: "answers" | "photos", visitId: Id): Promise<T[]> => {
    const raws = await db.getAllFromIndex(store, "byVisitId", visitId);
    return raws.map((raw) => checked<T>(store, raw)!);
  };
  return {
    visit: async (id) => checked<Visit>("visits", await db.get("visits", id)),
    async deadlinePolicy() {
      const record = migrateRecord("meta", await db.get("meta", "deadlinePolicy"));
      if (record === undefined) return DEFAULT_DEADLINE_POLICY;
      // Parsed with the pack it came in (pack-store.ts).
      const value = hasKeys(record, ["value"]) ? record.value : undefined;
      if (!hasKeys(value, DEADLINE_POLICY_KEYS)) throw new FullReadNeeded("meta");
      return value as DeadlinePolicy;
    },
    school: async (id) => checked<PackSchool>("schools", await db.get("schools", id)),
    answers: (visitId) => all<VisitAnswer>("answers", visitId),
    photos: async (visitId) => (await all<PhotoRecord>("photos", visitId)).map(withoutBytes),
    template: async (ref) =>
      checked<Template>("templates", await db.get("templates", [ref.code, ref.version])),
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
