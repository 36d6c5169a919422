/**
 * Schools and zones as domain objects. Scope is decided by lib/server/auth/scope.ts; callers pass
 * the ids they may see.
 */
import "server-only";

import { asc, eq, inArray } from "drizzle-orm";

import { type School, schoolSchema, type Zone } from "@/lib/domain/org/org.schema";

import type { Executor } from "../db/client";
import { schools, zones } from "../db/schema";

export function rowToSchool(row: typeof schools.$inferSelect): School {
  return schoolSchema.parse({
    id: row.id,
    districtId: row.districtId,
    zoneId: row.zoneId,
    code: row.code,
    name: row.name,
    address: row.address,
    principal: row.principal,
    phone: row.phone,
    stage: row.stage,
    ownership: row.ownership,
    isVillage: row.isVillage,
    isBoarding: row.isBoarding,
    canteen: row.canteen,
    hasSchoolBus: row.hasSchoolBus,
    studentCount: row.studentCount,
    classCount: row.classCount,
  });
}

export const schoolRepository = {
  async findById(db: Executor, id: string): Promise<School | null> {
    const [row] = await db.select().from(schools).where(eq(schools.id, id));
    return row ? rowToSchool(row) : null;
  },

  async listByIds(db: Executor, ids: string[]): Promise<School[]> {
    if (ids.length === 0) return [];
    const rows = await db.select().from(schools).where(inArray(schools.id, ids)).orderBy(asc(schools.code));
    return rows.map(rowToSchool);
  },

  async listZones(db: Executor, districtId: string): Promise<Zone[]> {
    const rows = await db.select().from(zones).where(eq(zones.districtId, districtId)).orderBy(asc(zones.createdAt), asc(zones.name));
    return rows.map((r) => ({ id: r.id, districtId: r.districtId, name: r.name }));
  },
};
