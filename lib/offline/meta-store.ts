/**
 * Small sync facts kept on the phone: the installation's client id, the pull cursor, the last
 * successful sync and the last error, and when the visit pack was made. The cursor and the pack
 * time are written by pull-store and pack-store together with the data they describe.
 */
import type { Id } from "@/lib/domain/ids";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import type { TemplateRef } from "@/lib/domain/template/template.schema";
import type { PackCampaign } from "@/lib/domain/visit/visit-pack.schema";

import type { AppDb } from "./db";
import type { MetaKey, MetaRecord, SyncError } from "./db-schema";
import { loadRecordSchemas } from "./load-record-schemas";
import { readRecord, warnUnreadable, type ReportUnreadable } from "./read-record";

export type SyncState = { lastSyncAt: number | null; lastError: SyncError | null };

export type MetaStore = ReturnType<typeof createMetaStore>;

export function createMetaStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  const get = async (key: MetaKey): Promise<MetaRecord | undefined> =>
    readRecord("meta", key, await db.get("meta", key), report);

  return {
    /** This installation's id, made on first use (in one transaction, so two tabs agree). */
    async getOrCreateClientId(newId: () => Id): Promise<Id> {
      const { validRecord } = await loadRecordSchemas();
      const tx = db.transaction("meta", "readwrite");
      const existing = readRecord("meta", "clientId", await tx.store.get("clientId"), report);
      let clientId: Id;
      if (existing?.key === "clientId") {
        clientId = existing.value;
      } else {
        clientId = newId();
        await tx.store.put(validRecord("meta", { key: "clientId", value: clientId }));
      }
      await tx.done;
      return clientId;
    },

    /** Where the next pull starts; null = from the beginning. */
    async getCursor(): Promise<string | null> {
      const record = await get("pullCursor");
      return record?.key === "pullCursor" ? record.value : null;
    },

    async getSyncState(): Promise<SyncState> {
      const record = await get("syncState");
      return record?.key === "syncState"
        ? { lastSyncAt: record.lastSyncAt, lastError: record.lastError }
        : { lastSyncAt: null, lastError: null };
    },

    async saveSyncState(state: SyncState): Promise<void> {
      const { validRecord } = await loadRecordSchemas();
      await db.put("meta", validRecord("meta", { key: "syncState", ...state }));
    },

    /** The district's deadline policy from the last pack; the defaults before the first pack. */
    async getDeadlinePolicy(): Promise<DeadlinePolicy> {
      const record = await get("deadlinePolicy");
      return record?.key === "deadlinePolicy" ? record.value : DEFAULT_DEADLINE_POLICY;
    },

    /**
     * The template versions a new visit may pin, from the last pack; null for a pack downloaded
     * before packs named them.
     */
    async getOfferedTemplates(): Promise<TemplateRef[] | null> {
      const record = await get("offeredTemplates");
      return record?.key === "offeredTemplates" ? record.value : null;
    },

    /** The district's 挂牌督导 checklist codes from the last pack; none before packs carried them. */
    async getRoutineTemplates(): Promise<string[]> {
      const record = await get("routineTemplates");
      return record?.key === "routineTemplates" ? record.value : [];
    },

    /** The 专项督查 of the last pack; none for a pack made before packs named them. */
    async getCampaigns(): Promise<PackCampaign[]> {
      const record = await get("campaigns");
      return record?.key === "campaigns" ? record.value : [];
    },

    /** When the server made the visit pack on this phone; null = no pack yet. */
    async getPackGeneratedAt(): Promise<number | null> {
      const record = await get("packGeneratedAt");
      return record?.key === "packGeneratedAt" ? record.value : null;
    },
  };
}
