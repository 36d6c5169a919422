/**
 * The outbox: mutations in the order they were made, waiting for the server. Entries leave only
 * when the server confirmed them (ack) or the user discards a rejected one; a rejected entry is
 * kept with the server's refusal and listed as a conflict. Entries are added, validated, by
 * saveWithMutation, and read with the cheap check of read-record.ts: the conflict list and the
 * sync status load no zod, and the server parses every mutation it receives in full.
 */
import type { Id } from "@/lib/domain/ids";
import type { Refusal } from "@/lib/domain/refusal";

import type { AppDb } from "./db";
import type { OutboxRecord } from "./db-schema";
import { readRecord, warnUnreadable, type ReportUnreadable } from "./read-record";

/** An outbox record with its position in the queue. */
export type OutboxEntry = OutboxRecord & { seq: number };

export type OutboxCounts = { pending: number; rejected: number };

export type Rejection = { id: Id; refusal: Refusal };

export type OutboxStore = ReturnType<typeof createOutboxStore>;

/** How long an applied 复查 decision stays on the phone for review: longer than any visit. */
export const SENT_KEPT_MS = 3 * 24 * 60 * 60 * 1_000;

export function createOutboxStore(db: AppDb, report: ReportUnreadable = warnUnreadable) {
  const read = (key: number, raw: unknown): OutboxEntry | undefined => {
    const record = readRecord("outbox", key, raw, report);
    return record && { ...record, seq: key };
  };

  /** Entries with `status`, in queue order (the index sorts equal keys by primary key). */
  async function listByStatus(
    status: OutboxRecord["status"],
    limit?: number,
  ): Promise<OutboxEntry[]> {
    const index = db.transaction("outbox").store.index("byStatus");
    const [keys, raws] = await Promise.all([
      index.getAllKeys(status, limit),
      index.getAll(status, limit),
    ]);
    return raws.flatMap((raw, i) => {
      const key = keys[i];
      const entry = key === undefined ? undefined : read(key, raw);
      return entry ? [entry] : [];
    });
  }

  /**
   * Rewrites the entries holding `mutationIds` (those still there) in one transaction. `change`
   * sets only the status fields, from the sync engine's parsed responses; the mutation itself was
   * validated when the entry was added.
   */
  async function update(
    mutationIds: readonly Id[],
    change: (record: OutboxRecord) => OutboxRecord | null,
  ): Promise<void> {
    if (mutationIds.length === 0) return;
    const tx = db.transaction("outbox", "readwrite");
    const index = tx.store.index("byMutationId");
    for (const id of mutationIds) {
      const key = await index.getKey(id);
      if (key === undefined) continue;
      const record = readRecord("outbox", key, await tx.store.get(key), report);
      if (!record) continue;
      const next = change(record);
      if (next === null) await tx.store.delete(key);
      else await tx.store.put(next, key);
    }
    await tx.done;
  }

  return {
    /** The oldest pending mutations, in the order they were made. */
    peekBatch(limit: number): Promise<OutboxEntry[]> {
      return listByStatus("pending", limit);
    },

    /** Removes mutations the server confirmed (applied or duplicate). */
    async ack(mutationIds: readonly Id[], at: number): Promise<void> {
      // A 复查's decision (saved with its item's school and prompt) stays for review until its
      // visit is long over; the rest goes.
      await update(mutationIds, (record) =>
        record.mutation.name === "rectification.act" && record.subject !== undefined
          ? { ...record, status: "sent", sentAt: at }
          : null,
      );
      const expired = (await listByStatus("sent")).filter(
        (entry) => (entry.sentAt ?? 0) < at - SENT_KEPT_MS,
      );
      await update(
        expired.map((entry) => entry.mutation.id),
        () => null,
      );
    },

    /** Moves mutations to the conflict list with the server's refusal; they are kept, never deleted. */
    async markRejected(rejections: readonly Rejection[], at: number): Promise<void> {
      const refusals = new Map(rejections.map((r) => [r.id, r.refusal]));
      await update([...refusals.keys()], (record) => ({
        ...record,
        status: "rejected",
        refusal: refusals.get(record.mutation.id) ?? null,
        rejectedAt: at,
      }));
    },

    /** Changes the server applied that are kept for review ("sent"), oldest first. */
    listSent(): Promise<OutboxEntry[]> {
      return listByStatus("sent");
    },

    /** The conflict list: rejected mutations with their refusals, oldest first. */
    listRejected(): Promise<OutboxEntry[]> {
      return listByStatus("rejected");
    },

    /** The user asks to send rejected mutations again (e.g. after the office reopened an item). */
    async retry(mutationIds: readonly Id[]): Promise<void> {
      await update(mutationIds, (record) =>
        record.status === "rejected"
          ? { ...record, status: "pending", refusal: null, rejectedAt: null }
          : record,
      );
    },

    /** The user gives up rejected mutations. Pending ones are never discarded. */
    async discard(mutationIds: readonly Id[]): Promise<void> {
      await update(mutationIds, (record) => (record.status === "rejected" ? null : record));
    },

    async counts(): Promise<OutboxCounts> {
      const index = db.transaction("outbox").store.index("byStatus");
      const [pending, rejected] = await Promise.all([
        index.count("pending"),
        index.count("rejected"),
      ]);
      return { pending, rejected };
    },

    /** Per-visit sync state: what of this visit is still to send, and what the server refused. */
    async countsForVisit(visitId: Id): Promise<OutboxCounts> {
      const index = db.transaction("outbox").store.index("byVisitStatus");
      const [pending, rejected] = await Promise.all([
        index.count([visitId, "pending"]),
        index.count([visitId, "rejected"]),
      ]);
      return { pending, rejected };
    },
  };
}
