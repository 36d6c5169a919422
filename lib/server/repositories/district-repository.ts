/**
 * District settings as domain objects: the deadline policy per severity, the 挂牌督导 rule and
 * checklist set that the office edits. Who may edit it is the route's business (the office of that district).
 */
import "server-only";

import { asc, eq, inArray } from "drizzle-orm";

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

import type { Executor } from "../db/client";
import { districts } from "../db/schema";

export const districtRepository = {
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
