/**
 * The organisation audit log: one row per role, scope or assignment change, written in the same
 * transaction as the change. Append-only; never updated or deleted. Who may read which rows is
 * decided by the caller through lib/server/auth/scope.ts (the readable district ids).
 */
import "server-only";

import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";

import type { User } from "@/lib/domain/org/org.schema";
import {
  type AuditAction,
  type AuditEntry,
  auditEntrySchema,
  type AuditQuery,
} from "@/lib/domain/org/people";
import { newId } from "@/lib/utils/ids";

import { withinChinaDays } from "../../db/china-days";
import type { Executor } from "../../db/client";
import { auditLog, user as users } from "../../db/schema";

export type AuditRecord = {
  action: AuditAction;
  targetId: string;
  targetLabel: string;
  districtId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Appends entries by `actor` at `now` (one, or a bulk action's many in one statement). */
export async function recordAudit(
  db: Executor,
  actor: User,
  now: number,
  entries: AuditRecord | readonly AuditRecord[],
): Promise<void> {
  const list: readonly AuditRecord[] = "action" in entries ? [entries] : entries;
  const at = new Date(now);
  // Chunks keep a statement far below PostgreSQL's 65,535 parameters (9 per entry).
  for (let start = 0; start < list.length; start += AUDIT_CHUNK) {
    await db
      .insert(auditLog)
      .values(
        list
          .slice(start, start + AUDIT_CHUNK)
          .map((entry) => ({ id: newId(), at, actorId: actor.id, ...entry })),
      );
  }
}

const AUDIT_CHUNK = 1000;

/**
 * One page of entries, newest first. `districtIds` null = every district (admin); otherwise only
 * entries of those districts (city-level entries with no district are the admin's alone).
 */
export async function listAudit(
  db: Executor,
  query: AuditQuery,
  districtIds: readonly string[] | null,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
    query.districtId ? eq(auditLog.districtId, query.districtId) : undefined,
    withinChinaDays(auditLog.at, query.from, query.to),
  ];
  if (districtIds !== null) {
    conditions.push(
      districtIds.length === 0 ? sql`false` : inArray(auditLog.districtId, districtIds),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    entries: rows.map(({ row, actorName }) =>
      auditEntrySchema.parse({
        ...row,
        at: row.at.getTime(),
        actorName: actorName ?? "（已删除的账号）",
      }),
    ),
  };
}
