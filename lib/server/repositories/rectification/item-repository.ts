/**
 * 整改事项 rows ⇄ lib/domain RectificationItem. Only the rectification service writes them (a new
 * item with its "created" event, or a transition with its event); it decides scope, not this file.
 * The facts, tallies and first closures the office's figures read are kept from these rows by the
 * database's triggers (migration 0012), and read by dashboard-query.ts and ranking-query.ts.
 */
import "server-only";

import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";

import {
  FINAL_STATUSES,
  type RectificationItem,
  rectificationItemSchema,
} from "@/lib/domain/rectification/rectification.schema";

import { anyOf } from "../../db/any-of";
import { inSeqRange, type SeqRange } from "../../db/change-seq";
import type { Executor } from "../../db/client";
import { rectificationItems } from "../../db/schema";

type ItemRow = typeof rectificationItems.$inferSelect;

export function rowToItem(row: ItemRow): RectificationItem {
  return rectificationItemSchema.parse({
    id: row.id,
    districtId: row.districtId,
    schoolId: row.schoolId,
    visitId: row.visitId,
    noticeId: row.noticeId,
    templateCode: row.templateCode,
    templateVersion: row.templateVersion,
    itemCode: row.itemCode,
    section: row.section,
    prompt: row.prompt,
    basis: row.basis,
    severity: row.severity,
    description: row.description,
    requiredAction: row.requiredAction,
    mode: row.mode,
    dueDate: row.dueDate,
    status: row.status,
    photoIds: row.photoIds,
    afterPhotoIds: row.afterPhotoIds,
    response: row.response,
    extension: row.extension,
    returnReason: row.returnReason,
    cancelReason: row.cancelReason,
    escalations: row.escalations,
    closedAt: row.closedAt?.getTime() ?? null,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    version: row.version,
  });
}

/** The row's columns that the item's state decides (inspector_id is set once, on insert). */
function itemToRow(item: RectificationItem) {
  return {
    ...item,
    closedAt: item.closedAt === null ? null : new Date(item.closedAt),
    createdAt: new Date(item.createdAt),
    updatedAt: new Date(item.updatedAt),
  } satisfies Omit<typeof rectificationItems.$inferInsert, "inspectorId">;
}

export const itemRepository = {
  async findById(db: Executor, id: string): Promise<RectificationItem | null> {
    const [row] = await db.select().from(rectificationItems).where(eq(rectificationItems.id, id));
    return row ? rowToItem(row) : null;
  },

  /** The item with its row locked until the transaction ends: transitions of one item queue up. */
  async findForUpdate(db: Executor, id: string): Promise<RectificationItem | null> {
    const [row] = await db
      .select()
      .from(rectificationItems)
      .where(eq(rectificationItems.id, id))
      .for("update");
    return row ? rowToItem(row) : null;
  },

  /** A new item of a visit by `inspectorId`. */
  async insert(db: Executor, item: RectificationItem, inspectorId: string): Promise<void> {
    await db.insert(rectificationItems).values({ ...itemToRow(item), inspectorId });
  },

  /** Writes the item's new state and moves it to the end of the change feed. */
  async update(db: Executor, item: RectificationItem): Promise<void> {
    const { id: _id, ...fields } = itemToRow(item);
    await db
      .update(rectificationItems)
      .set({ ...fields, changeSeq: sql`nextval('change_seq')` })
      .where(eq(rectificationItems.id, item.id));
  },

  /** The items of a notice, in its order (the visit's template and item order: ids are time-ordered). */
  async listByNotice(db: Executor, noticeId: string): Promise<RectificationItem[]> {
    const rows = await db
      .select()
      .from(rectificationItems)
      .where(eq(rectificationItems.noticeId, noticeId))
      .orderBy(asc(rectificationItems.id));
    return rows.map(rowToItem);
  },

  /** The open items of these schools, soonest due first. */
  async listOpenOfSchools(
    db: Executor,
    schoolIds: readonly string[],
  ): Promise<RectificationItem[]> {
    if (schoolIds.length === 0) return [];
    const rows = await db
      .select()
      .from(rectificationItems)
      .where(
        and(
          inArray(rectificationItems.schoolId, [...schoolIds]),
          notInArray(rectificationItems.status, [...FINAL_STATUSES]),
        ),
      )
      .orderBy(asc(rectificationItems.dueDate), asc(rectificationItems.id));
    return rows.map(rowToItem);
  },

  /** The items of these schools changed in `range`, oldest change first, with their change numbers. */
  async changesOfSchools(
    db: Executor,
    schoolIds: readonly string[],
    range: SeqRange,
  ): Promise<{ seq: number; item: RectificationItem }[]> {
    const rows = await db
      .select()
      .from(rectificationItems)
      .where(
        and(
          anyOf(rectificationItems.schoolId, schoolIds, "uuid"),
          inSeqRange(rectificationItems.changeSeq, range),
        ),
      )
      .orderBy(asc(rectificationItems.changeSeq))
      .limit(range.limit);
    return rows.map((row) => ({ seq: row.changeSeq, item: rowToItem(row) }));
  },

  /** The item's version (how many events it has had); null when there is no such item. */
  async versionOf(db: Executor, id: string): Promise<number | null> {
    const [item] = await db
      .select({ version: rectificationItems.version })
      .from(rectificationItems)
      .where(eq(rectificationItems.id, id));
    return item?.version ?? null;
  },
};
