/**
 * 督学责任区 rows and their 责任督学 (zone_inspectors). Scope is decided by the org service; a
 * school's zone is the school register's (school-repository.ts).
 */
import "server-only";

import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { z } from "zod";

import type { updateZoneInputSchema, ZoneView } from "@/lib/domain/org/people";

import type { Executor } from "../../db/client";
import { schools, zoneInspectors, zones } from "../../db/schema";

export type ZoneRow = typeof zones.$inferSelect;

export const zoneRepository = {
  /** The zones of the districts (null: every district) with their inspectors and school counts. */
  async listViews(db: Executor, districtIds: readonly string[] | null): Promise<ZoneView[]> {
    const rows = await db
      .select()
      .from(zones)
      .where(districtIds === null ? undefined : inArray(zones.districtId, [...districtIds]))
      .orderBy(asc(zones.createdAt), asc(zones.name));
    const zoneIds = rows.map((z) => z.id);
    if (zoneIds.length === 0) return [];
    const [links, counts] = await Promise.all([
      db.select().from(zoneInspectors).where(inArray(zoneInspectors.zoneId, zoneIds)),
      db
        .select({ zoneId: schools.zoneId, n: count() })
        .from(schools)
        .where(inArray(schools.zoneId, zoneIds))
        .groupBy(schools.zoneId),
    ]);
    return rows.map((z) => ({
      id: z.id,
      districtId: z.districtId,
      name: z.name,
      active: z.active,
      inspectorIds: links.filter((l) => l.zoneId === z.id).map((l) => l.userId),
      schoolCount: counts.find((c) => c.zoneId === z.id)?.n ?? 0,
    }));
  },

  async findById(db: Executor, id: string): Promise<ZoneRow | null> {
    const [zone] = await db.select().from(zones).where(eq(zones.id, id));
    return zone ?? null;
  },

  async insertMany(
    db: Executor,
    rows: readonly { id: string; districtId: string; name: string }[],
  ): Promise<void> {
    await db.insert(zones).values([...rows]);
  },

  async update(db: Executor, id: string, patch: z.infer<typeof updateZoneInputSchema>) {
    await db.update(zones).set(patch).where(eq(zones.id, id));
  },

  /** The zones among `ids` that belong to the district (and are active, with `onlyActive`). */
  async idsInDistrict(
    db: Executor,
    districtId: string,
    ids: readonly string[],
    onlyActive: boolean,
  ): Promise<string[]> {
    const rows = await db
      .select({ id: zones.id })
      .from(zones)
      .where(
        and(
          inArray(zones.id, [...ids]),
          eq(zones.districtId, districtId),
          onlyActive ? eq(zones.active, true) : undefined,
        ),
      );
    return rows.map((r) => r.id);
  },

  /** The zone's 责任督学. */
  async inspectorIds(db: Executor, zoneId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: zoneInspectors.userId })
      .from(zoneInspectors)
      .where(eq(zoneInspectors.zoneId, zoneId));
    return rows.map((r) => r.userId);
  },

  /** Replaces the zone's 责任督学. */
  async setInspectors(db: Executor, zoneId: string, userIds: readonly string[]): Promise<void> {
    await db.delete(zoneInspectors).where(eq(zoneInspectors.zoneId, zoneId));
    if (userIds.length > 0)
      await db.insert(zoneInspectors).values(userIds.map((userId) => ({ zoneId, userId })));
  },

  /** The zone links of these users. */
  async linksOfUsers(
    db: Executor,
    userIds: readonly string[],
  ): Promise<{ zoneId: string; userId: string }[]> {
    if (userIds.length === 0) return [];
    return db
      .select()
      .from(zoneInspectors)
      .where(inArray(zoneInspectors.userId, [...userIds]));
  },

  /** Makes the user a 责任督学 of these zones as well. */
  async addInspector(db: Executor, userId: string, zoneIds: readonly string[]): Promise<void> {
    if (zoneIds.length > 0)
      await db.insert(zoneInspectors).values(zoneIds.map((zoneId) => ({ zoneId, userId })));
  },

  /** Replaces the zones the user looks after. */
  async setZonesOf(db: Executor, userId: string, zoneIds: readonly string[]): Promise<void> {
    await db.delete(zoneInspectors).where(eq(zoneInspectors.userId, userId));
    await zoneRepository.addInspector(db, userId, [...new Set(zoneIds)]);
  },
};
