/**
 * District settings as domain objects: the deadline policy per severity, the 挂牌督导 rule and
 * checklist set that the office edits. Who may edit it is the route's business (the office of that district).
 */
import "server-only";

import { asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";

import type { DistrictView, updateDistrictInputSchema } from "@/lib/domain/org/people";
import { DEFAULT_VISIT_RULE, type VisitRule, visitRuleSchema } from "@/lib/domain/plan/visit-rule";
import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
} from "@/lib/domain/template/deadline-policy";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import {
  routineTemplatesSchema,
  type RoutineTemplates,
} from "@/lib/domain/visit/visit-pack.schema";

import type { Executor } from "../../db/client";
import { districts } from "../../db/schema";

function rowToDistrict(row: typeof districts.$inferSelect): DistrictView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    noticePrefix: row.noticePrefix,
    cityId: row.cityId,
    active: row.active,
  };
}

export const districtRepository = {
  /** The districts among `ids` (null: every district), by code. */
  async listViews(db: Executor, ids: readonly string[] | null): Promise<DistrictView[]> {
    const rows = await db
      .select()
      .from(districts)
      .where(ids === null ? undefined : inArray(districts.id, [...ids]))
      .orderBy(asc(districts.code));
    return rows.map(rowToDistrict);
  },

  async findView(db: Executor, id: string): Promise<DistrictView | null> {
    const [row] = await db.select().from(districts).where(eq(districts.id, id));
    return row ? rowToDistrict(row) : null;
  },

  /** The id of the district with this code; null when there is none. */
  async idByCode(db: Executor, code: string): Promise<string | null> {
    const [row] = await db
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.code, code));
    return row?.id ?? null;
  },

  /** Whether the district is active; null when there is no such district. */
  async activeOf(db: Executor, id: string): Promise<boolean | null> {
    const [row] = await db
      .select({ active: districts.active })
      .from(districts)
      .where(eq(districts.id, id));
    return row?.active ?? null;
  },

  /** The district's name; null when there is no such district. */
  async nameOf(db: Executor, id: string): Promise<string | null> {
    const [row] = await db
      .select({ name: districts.name })
      .from(districts)
      .where(eq(districts.id, id));
    return row?.name ?? null;
  },

  /** id → name of every district. */
  async names(db: Executor): Promise<Map<string, string>> {
    const rows = await db.select({ id: districts.id, name: districts.name }).from(districts);
    return new Map(rows.map((d) => [d.id, d.name]));
  },

  /** The districts of a 市. */
  async idsOfCity(db: Executor, cityId: string): Promise<string[]> {
    const rows = await db
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.cityId, cityId));
    return rows.map((r) => r.id);
  },

  async insert(db: Executor, district: typeof districts.$inferInsert): Promise<void> {
    await db.insert(districts).values(district);
  },

  async update(db: Executor, id: string, patch: z.infer<typeof updateDistrictInputSchema>) {
    await db.update(districts).set(patch).where(eq(districts.id, id));
  },

  /** The district's 挂牌督导 rule; a district that never set one uses the default. */
  async getVisitRule(db: Executor, districtId: string): Promise<VisitRule> {
    const [row] = await db
      .select({ rule: districts.visitRule })
      .from(districts)
      .where(eq(districts.id, districtId));
    if (!row) throw new Error(`区县 ${districtId} 不存在`);
    return row.rule === null ? DEFAULT_VISIT_RULE : visitRuleSchema.parse(row.rule);
  },

  async setVisitRule(db: Executor, districtId: string, rule: VisitRule): Promise<void> {
    const rows = await db
      .update(districts)
      .set({ visitRule: rule })
      .where(eq(districts.id, districtId))
      .returning({ id: districts.id });
    if (rows.length === 0) throw new Error(`区县 ${districtId} 不存在`);
  },

  /** Every district, oldest first (an admin's district picker). */
  async list(db: Executor): Promise<{ id: string; name: string }[]> {
    return db
      .select({ id: districts.id, name: districts.name })
      .from(districts)
      .orderBy(asc(districts.createdAt));
  },

  /** The district's policy; a district that never set one uses the defaults. */
  async getDeadlinePolicy(db: Executor, districtId: string): Promise<DeadlinePolicy> {
    const [row] = await db
      .select({ policy: districts.deadlinePolicy })
      .from(districts)
      .where(eq(districts.id, districtId));
    // Users, schools and zones all point at a district, so a missing one is a broken invariant.
    if (!row) throw new Error(`区县 ${districtId} 不存在`);
    return row.policy === null ? DEFAULT_DEADLINE_POLICY : deadlinePolicySchema.parse(row.policy);
  },

  /** Template codes a 挂牌督导 visit proposes; empty when the office has not chosen any. */
  async getRoutineTemplates(db: Executor, districtId: string): Promise<string[]> {
    const [row] = await db
      .select({ codes: districts.routineTemplates })
      .from(districts)
      .where(eq(districts.id, districtId));
    if (!row) throw new Error(`区县 ${districtId} 不存在`);
    return row.codes === null ? [] : routineTemplatesSchema.parse(row.codes);
  },

  async setRoutineTemplates(db: Executor, districtId: string, codes: RoutineTemplates) {
    const rows = await db
      .update(districts)
      .set({ routineTemplates: codes })
      .where(eq(districts.id, districtId))
      .returning({ id: districts.id });
    if (rows.length === 0) throw new Error(`区县 ${districtId} 不存在`);
  },

  /** The policies of several districts at once (a review queue spanning a city's districts). */
  async getDeadlinePolicies(
    db: Executor,
    districtIds: readonly string[],
  ): Promise<Map<string, DeadlinePolicy>> {
    const ids = [...new Set(districtIds)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: districts.id, policy: districts.deadlinePolicy })
      .from(districts)
      .where(inArray(districts.id, ids));
    return new Map(
      rows.map((row) => [
        row.id,
        row.policy === null ? DEFAULT_DEADLINE_POLICY : deadlinePolicySchema.parse(row.policy),
      ]),
    );
  },

  /** Replaces the district's policy. */
  async setDeadlinePolicy(db: Executor, districtId: string, policy: DeadlinePolicy): Promise<void> {
    const rows = await db
      .update(districts)
      .set({ deadlinePolicy: policy })
      .where(eq(districts.id, districtId))
      .returning({ id: districts.id });
    if (rows.length === 0) throw new Error(`区县 ${districtId} 不存在`);
  },
};
