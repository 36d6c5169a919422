/**
 * 整改通知书 rows and their gap-free numbering. Scope is the service's business, not this file's.
 */
import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import type { Notice } from "@/lib/domain/rectification/notice.schema";

import type { Executor } from "../../db/client";
import { noticeCounters, notices } from "../../db/schema";

type NoticeRow = typeof notices.$inferSelect;

export function rowToNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    districtId: row.districtId,
    schoolId: row.schoolId,
    visitId: row.visitId,
    year: row.year,
    serial: row.serial,
    number: row.number,
    issuedAt: row.issuedAt.getTime(),
    issuedBy: row.issuedBy,
    readAt: row.readAt?.getTime() ?? null,
    readBy: row.readBy,
  };
}

const counterOf = (districtId: string, year: number) =>
  and(eq(noticeCounters.districtId, districtId), eq(noticeCounters.year, year));

export const noticeRepository = {
  async findById(db: Executor, id: string): Promise<Notice | null> {
    const [row] = await db.select().from(notices).where(eq(notices.id, id));
    return row ? rowToNotice(row) : null;
  },

  async findByVisit(db: Executor, visitId: string): Promise<Notice | null> {
    const [row] = await db.select().from(notices).where(eq(notices.visitId, visitId));
    return row ? rowToNotice(row) : null;
  },

  /**
   * Locks the district's counter for `year` (creating it at 0) until the transaction ends. Every
   * issuer in that district and year queues here, so what a caller reads after this call is what
   * the issuers before it committed.
   */
  async lockCounter(db: Executor, districtId: string, year: number): Promise<void> {
    await db
      .insert(noticeCounters)
      .values({ districtId, year, lastSerial: 0 })
      .onConflictDoNothing();
    await db.select().from(noticeCounters).where(counterOf(districtId, year)).for("update");
  },

  /** The next serial; call only while holding the counter's lock (lockCounter), in the same transaction. */
  async nextSerial(db: Executor, districtId: string, year: number): Promise<number> {
    const [row] = await db
      .update(noticeCounters)
      .set({ lastSerial: sql`${noticeCounters.lastSerial} + 1` })
      .where(counterOf(districtId, year))
      .returning({ serial: noticeCounters.lastSerial });
    if (!row) throw new Error(`通知书编号计数器不存在：${districtId} ${year}`);
    return row.serial;
  },

  async insert(db: Executor, notice: Notice): Promise<void> {
    await db.insert(notices).values({
      ...notice,
      issuedAt: new Date(notice.issuedAt),
      readAt: notice.readAt === null ? null : new Date(notice.readAt),
    });
  },

  /** Records the first reading; false (nothing changed) when the notice was already read. */
  async markRead(db: Executor, id: string, userId: string, now: number): Promise<boolean> {
    const rows = await db
      .update(notices)
      .set({ readAt: new Date(now), readBy: userId })
      .where(and(eq(notices.id, id), isNull(notices.readAt)))
      .returning({ id: notices.id });
    return rows.length > 0;
  },
};
