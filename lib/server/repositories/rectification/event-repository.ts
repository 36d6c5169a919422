/**
 * The rows of rectification_events: each 整改事项's append-only history, numbered per item. The
 * chain (hashes and links) is lib/server/rectification/event-log.ts's; rows are never updated.
 */
import "server-only";

import { asc, desc, eq } from "drizzle-orm";

import {
  type RectificationEvent,
  rectificationEventSchema,
} from "@/lib/domain/rectification/events";

import type { Executor } from "../../db/client";
import { rectificationEvents } from "../../db/schema";

type EventRow = typeof rectificationEvents.$inferSelect;

/** A stored row as an event, not yet judged: verification decides whether it is sound. */
export type EventCandidate = ReturnType<typeof rowToEventCandidate>;

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

export const eventRepository = {
  /** The item's latest event; null before its first. */
  async last(db: Executor, itemId: string): Promise<RectificationEvent | null> {
    const [row] = await db
      .select()
      .from(rectificationEvents)
      .where(eq(rectificationEvents.itemId, itemId))
      .orderBy(desc(rectificationEvents.seq))
      .limit(1);
    return row ? rectificationEventSchema.parse(rowToEventCandidate(row)) : null;
  },

  async insert(db: Executor, event: RectificationEvent): Promise<void> {
    await db.insert(rectificationEvents).values({ ...event, at: new Date(event.at) });
  },

  /** Every stored row of the item's history, oldest first, as read (not parsed). */
  async candidatesOf(db: Executor, itemId: string): Promise<EventCandidate[]> {
    const rows = await db
      .select()
      .from(rectificationEvents)
      .where(eq(rectificationEvents.itemId, itemId))
      .orderBy(asc(rectificationEvents.seq));
    return rows.map(rowToEventCandidate);
  },
};
