/**
 * The append-only, hash-chained history of each 整改事项 (rectification_events). Appends happen only
 * with the item's row locked, so an item's events are numbered without races; rows are never updated.
 */
import "server-only";

import { createHash } from "node:crypto";

import {
  chainEvent,
  type ChainVerification,
  type HashText,
  type RectificationEvent,
  type RectificationEventDraft,
  rectificationEventSchema,
  verifyChain,
} from "@/lib/domain/rectification/events";
import type { TransitionEvent } from "@/lib/domain/rectification/transition";
import { newId } from "@/lib/utils/ids";

import type { Executor } from "../db/client";
import { log } from "../log";
import { eventRepository } from "../repositories/rectification/event-repository";
import { itemRepository } from "../repositories/rectification/item-repository";

/** The hash the chains use (hex SHA-256); the scale seed chains its events with it too. */
export const sha256Hex: HashText = (text) =>
  createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Chains `event` after the item's latest one and stores it. The caller holds the item's row lock
 * (or has just inserted the item), so nobody appends in between.
 */
export async function appendEvent(
  db: Executor,
  event: TransitionEvent,
): Promise<RectificationEvent> {
  const draft: RectificationEventDraft = { id: newId(), ...event };
  const chained = chainEvent(await eventRepository.last(db, event.itemId), draft, sha256Hex);
  await eventRepository.insert(db, chained);
  return chained;
}

/**
 * An item's history, oldest first. A row that no longer reads as an event (edited in the database)
 * is left out here and reported by verifyItemChain, so the timeline still shows the rest.
 */
export async function listEvents(db: Executor, itemId: string): Promise<RectificationEvent[]> {
  const rows = await eventRepository.candidatesOf(db, itemId);
  return rows.flatMap((row) => {
    const parsed = rectificationEventSchema.safeParse(row);
    if (parsed.success) return [parsed.data];
    log.error({ itemId, seq: row.seq, issues: parsed.error.issues }, "整改记录无法读取");
    return [];
  });
}

/**
 * Checks an item's stored history: every hash and link (verifyChain), a row that no longer reads
 * as an event, and a cut-off tail (the last seq must equal the item's version).
 */
export async function verifyItemChain(db: Executor, itemId: string): Promise<ChainVerification> {
  const rows = await eventRepository.candidatesOf(db, itemId);
  const events: RectificationEvent[] = [];
  for (const [index, row] of rows.entries()) {
    const parsed = rectificationEventSchema.safeParse(row);
    if (!parsed.success) {
      return {
        ok: false,
        brokenAt: index + 1,
        reason: `第 ${index + 1} 条记录格式无效，可能被篡改`,
      };
    }
    events.push(parsed.data);
  }
  const verified = verifyChain(events, sha256Hex);
  if (!verified.ok) return verified;
  const version = await itemRepository.versionOf(db, itemId);
  if (version !== null && version !== events.length) {
    return {
      ok: false,
      brokenAt: events.length + 1,
      reason: `记录缺失：事项已更新到第 ${version} 步，历史只有 ${events.length} 条`,
    };
  }
  return { ok: true };
}
