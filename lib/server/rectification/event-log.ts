/**
 * The append-only, hash-chained history of each 整改事项 (rectification_events). Appends happen only
 * with the item's row locked, so an item's events are numbered without races; rows are never updated.
 */
import "server-only";

import { createHash } from "node:crypto";

import { asc, desc, eq } from "drizzle-orm";

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
import { rectificationEvents, rectificationItems } from "../db/schema";
import { log } from "../log";

/** The hash the chains use (hex SHA-256); the scale seed chains its events with it too. */
export const sha256Hex: HashText = (text) =>
  createHash("sha256").update(text, "utf8").digest("hex");

type EventRow = typeof rectificationEvents.$inferSelect;

/** The stored row as an event, without judging it: verification decides whether it is sound. */
function rowToEventCandidate(row: EventRow) {
  return {
    id: row.id,
    itemId: row.itemId,
    seq: row.seq,
    type: row.type,
    actorId: row.actorId,
    actorRole: row.actorRole,
    at: row.at.getTime(),
    payload: row.payload,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

async function lastEvent(db: Executor, itemId: string): Promise<RectificationEvent | null> {
  const [row] = await db
    .select()
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId))
    .orderBy(desc(rectificationEvents.seq))
    .limit(1);
  return row ? rectificationEventSchema.parse(rowToEventCandidate(row)) : null;
}

/**
 * Chains `event` after the item's latest one and stores it. The caller holds the item's row lock
 * (or has just inserted the item), so nobody appends in between.
 */
export async function appendEvent(
  db: Executor,
  event: TransitionEvent,
): Promise<RectificationEvent> {
  const draft: RectificationEventDraft = { id: newId(), ...event };
  const chained = chainEvent(await lastEvent(db, event.itemId), draft, sha256Hex);
  await db.insert(rectificationEvents).values({ ...chained, at: new Date(chained.at) });
  return chained;
}

/**
 * An item's history, oldest first. A row that no longer reads as an event (edited in the database)
 * is left out here and reported by verifyItemChain, so the timeline still shows the rest.
 */
export async function listEvents(db: Executor, itemId: string): Promise<RectificationEvent[]> {
  const rows = await db
    .select()
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId))
    .orderBy(asc(rectificationEvents.seq));
  return rows.flatMap((row) => {
    const parsed = rectificationEventSchema.safeParse(rowToEventCandidate(row));
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
  const rows = await db
    .select()
    .from(rectificationEvents)
    .where(eq(rectificationEvents.itemId, itemId))
    .orderBy(asc(rectificationEvents.seq));
  const events: RectificationEvent[] = [];
  for (const [index, row] of rows.entries()) {
    const parsed = rectificationEventSchema.safeParse(rowToEventCandidate(row));
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
  const [item] = await db
    .select({ version: rectificationItems.version })
    .from(rectificationItems)
    .where(eq(rectificationItems.id, itemId));
  if (item && item.version !== events.length) {
    return {
      ok: false,
      brokenAt: events.length + 1,
      reason: `记录缺失：事项已更新到第 ${item.version} 步，历史只有 ${events.length} 条`,
    };
  }
  return { ok: true };
}
