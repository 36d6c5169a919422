/**
 * District settings as domain objects: for now the deadline policy per severity that the office
 * edits. Who may edit it is the route's business (the office of that district).
 */
import "server-only";

import { asc, eq, inArray } from "drizzle-orm";

import {
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  deadlinePolicySchema,
} from "@/lib/domain/template/deadline-policy";

import type { Executor } from "../db/client";
import { districts } from "../db/schema";

export const districtRepository = {
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
