/**
 * Cities, districts, 督学责任区 and their inspectors (a school's zone belongs to the school register,
 * schools.ts). Each change checks the caller's organisation scope (lib/server/auth/scope.ts), runs
 * in one transaction and appends its audit entry there. Nothing is deleted: what has history is
 * deactivated.
 */
import "server-only";

import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { z } from "zod";

import {
  districtAccess,
  type OrgScope,
  READ_ONLY_MESSAGE,
  readableDistrictIds,
} from "@/lib/domain/org/org-scope";
import type { City, CityInput, User } from "@/lib/domain/org/org.schema";
import {
  auditDiff,
  type DistrictInput,
  type DistrictView,
  type updateCityInputSchema,
  type updateDistrictInputSchema,
  type updateZoneInputSchema,
  type ZoneView,
} from "@/lib/domain/org/people";
import { done, type Outcome, refused, type Refused } from "@/lib/domain/refusal";
import { newId } from "@/lib/utils/ids";

import { recordAudit } from "./audit-log";
import type { Db, Executor } from "../db/client";
import { cities, districts, schools, user as users, zoneInspectors, zones } from "../db/schema";

const ONLY_ADMIN = "只有系统管理员可以管理市和区县";

/** 403 for a read-only scope, 404 for a district the caller may not even see. */
export function writeRefusal(scope: OrgScope, districtId: string | null): Refused | null {
  switch (districtAccess(scope, districtId)) {
    case "write":
      return null;
    case "read":
      return refused("forbidden", READ_ONLY_MESSAGE);
    case "none":
      return refused("not_found", "区县不存在或无权访问");
  }
}

const isAdmin = (scope: OrgScope) => scope.kind === "all";

// ── Cities ───────────────────────────────────────────────────────────────────────────────────

export async function listCities(db: Executor, actor: User, scope: OrgScope): Promise<City[]> {
  const rows = await db.select().from(cities).orderBy(asc(cities.code));
  const visible = isAdmin(scope) ? rows : rows.filter((c) => c.id === actor.cityId);
  return visible.map(({ id, code, name, active }) => ({ id, code, name, active }));
}

export async function createCity(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: CityInput,
  now: number,
): Promise<Outcome<City>> {
  if (!isAdmin(scope)) return refused("forbidden", ONLY_ADMIN);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: cities.id })
      .from(cities)
      .where(eq(cities.code, input.code));
    if (clash) return refused("conflict", `市代码“${input.code}”已存在`);
    const city: City = { id: newId(), ...input, active: true };
    await tx.insert(cities).values(city);
    await recordAudit(tx, actor, now, {
      action: "city.create",
      targetId: city.id,
      targetLabel: city.name,
      districtId: null,
      before: null,
      after: input,
    });
    return done(city);
  });
}

export async function updateCity(
  db: Db,
  actor: User,
  scope: OrgScope,
  cityId: string,
  patch: z.infer<typeof updateCityInputSchema>,
  now: number,
): Promise<Outcome<City>> {
  if (!isAdmin(scope)) return refused("forbidden", ONLY_ADMIN);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(cities).where(eq(cities.id, cityId));
    if (!row) return refused("not_found", "市不存在");
    const next = { ...row, ...patch };
    await tx.update(cities).set(patch).where(eq(cities.id, cityId));
    const diff = auditDiff({ name: row.name, active: row.active }, patch);
    if (diff)
      await recordAudit(tx, actor, now, {
        action: "city.update",
        targetId: cityId,
        targetLabel: next.name,
        districtId: null,
        ...diff,
      });
    return done({ id: next.id, code: next.code, name: next.name, active: next.active });
  });
}

// ── Districts ────────────────────────────────────────────────────────────────────────────────

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

export async function listDistricts(db: Executor, scope: OrgScope): Promise<DistrictView[]> {
  const ids = readableDistrictIds(scope);
  if (ids !== null && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(districts)
    .where(ids === null ? undefined : inArray(districts.id, [...ids]))
    .orderBy(asc(districts.code));
  return rows.map(rowToDistrict);
}

async function cityRefusal(
  tx: Executor,
  cityId: string | null | undefined,
): Promise<Refused | null> {
  if (cityId === null || cityId === undefined) return null;
  const [row] = await tx
    .select({ active: cities.active })
    .from(cities)
    .where(eq(cities.id, cityId));
  if (!row) return refused("invalid_input", "所属市不存在");
  return row.active ? null : refused("invalid_input", "所属市已停用");
}

export async function createDistrict(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: DistrictInput,
  now: number,
): Promise<Outcome<DistrictView>> {
  if (!isAdmin(scope)) return refused("forbidden", ONLY_ADMIN);
  return db.transaction(async (tx) => {
    const refusal = await cityRefusal(tx, input.cityId);
    if (refusal) return refusal;
    const [clash] = await tx
      .select({ id: districts.id })
      .from(districts)
      .where(eq(districts.code, input.code));
    if (clash) return refused("conflict", `区县代码“${input.code}”已存在`);
    const district: DistrictView = { id: newId(), ...input, active: true };
    await tx.insert(districts).values(district);
    await recordAudit(tx, actor, now, {
      action: "district.create",
      targetId: district.id,
      targetLabel: district.name,
      districtId: district.id,
      before: null,
      after: input,
    });
    return done(district);
  });
}

export async function updateDistrict(
  db: Db,
  actor: User,
  scope: OrgScope,
  districtId: string,
  patch: z.infer<typeof updateDistrictInputSchema>,
  now: number,
): Promise<Outcome<DistrictView>> {
  if (!isAdmin(scope)) return refused("forbidden", ONLY_ADMIN);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(districts).where(eq(districts.id, districtId));
    if (!row) return refused("not_found", "区县不存在");
    const refusal = await cityRefusal(tx, patch.cityId);
    if (refusal) return refusal;
    await tx.update(districts).set(patch).where(eq(districts.id, districtId));
    const before = rowToDistrict(row);
    const after = { ...before, ...patch };
    const diff = auditDiff(before, patch);
    if (diff)
      await recordAudit(tx, actor, now, {
        action: "district.update",
        targetId: districtId,
        targetLabel: after.name,
        districtId,
        ...diff,
      });
    return done(after);
  });
}

// ── Zones and assignments ────────────────────────────────────────────────────────────────────

/** The zones of the districts in scope (or of one of them), with their inspectors and school counts. */
export async function listZones(
  db: Executor,
  scope: OrgScope,
  districtId?: string,
): Promise<ZoneView[]> {
  const readable = readableDistrictIds(scope);
  const ids = districtId
    ? districtAccess(scope, districtId) === "none"
      ? []
      : [districtId]
    : readable;
  if (ids !== null && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(zones)
    .where(ids === null ? undefined : inArray(zones.districtId, [...ids]))
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
}

export async function createZone(
  db: Db,
  actor: User,
  scope: OrgScope,
  input: { districtId: string; name: string },
  now: number,
): Promise<Outcome<ZoneView>> {
  const refusal = writeRefusal(scope, input.districtId);
  if (refusal) return refusal;
  return db.transaction(async (tx) => {
    const zone = { id: newId(), districtId: input.districtId, name: input.name };
    await tx.insert(zones).values(zone);
    await recordAudit(tx, actor, now, {
      action: "zone.create",
      targetId: zone.id,
      targetLabel: zone.name,
      districtId: zone.districtId,
      before: null,
      after: { name: zone.name },
    });
    return done({ ...zone, active: true, inspectorIds: [], schoolCount: 0 });
  });
}

/** The zone with its district, or a failure when it is out of the caller's write scope. */
async function writableZone(
  tx: Executor,
  scope: OrgScope,
  zoneId: string,
): Promise<Outcome<typeof zones.$inferSelect>> {
  const [zone] = await tx.select().from(zones).where(eq(zones.id, zoneId));
  if (!zone || districtAccess(scope, zone.districtId) === "none")
    return refused("not_found", "督学责任区不存在");
  const refusal = writeRefusal(scope, zone.districtId);
  return refusal ?? done(zone);
}

export async function updateZone(
  db: Db,
  actor: User,
  scope: OrgScope,
  zoneId: string,
  patch: z.infer<typeof updateZoneInputSchema>,
  now: number,
): Promise<Outcome<void>> {
  return db.transaction(async (tx) => {
    const found = await writableZone(tx, scope, zoneId);
    if (!found.ok) return found;
    const zone = found.value;
    if (patch.active === false) {
      const [row] = await tx.select({ n: count() }).from(schools).where(eq(schools.zoneId, zoneId));
      // A school always has a zone: the office moves them out first, so no school is left orphaned.
      if ((row?.n ?? 0) > 0)
        return refused("conflict", `责任区内还有 ${row?.n} 所学校，请先把学校调整到其他责任区`);
    }
    await tx.update(zones).set(patch).where(eq(zones.id, zoneId));
    const diff = auditDiff({ name: zone.name, active: zone.active }, patch);
    if (diff)
      await recordAudit(tx, actor, now, {
        action: "zone.update",
        targetId: zoneId,
        targetLabel: patch.name ?? zone.name,
        districtId: zone.districtId,
        ...diff,
      });
    return done(undefined);
  });
}

/** Replaces the zone's 责任督学: every one must be an inspector of the zone's district. */
export async function setZoneInspectors(
  db: Db,
  actor: User,
  scope: OrgScope,
  zoneId: string,
  userIds: readonly string[],
  now: number,
): Promise<Outcome<void>> {
  return db.transaction(async (tx) => {
    const found = await writableZone(tx, scope, zoneId);
    if (!found.ok) return found;
    const zone = found.value;
    const wanted = [...new Set(userIds)];
    const refusal = await inspectorsRefusal(tx, zone.districtId, wanted);
    if (refusal) return refusal;
    const current = await tx
      .select({ userId: zoneInspectors.userId })
      .from(zoneInspectors)
      .where(eq(zoneInspectors.zoneId, zoneId));
    const before = current.map((r) => r.userId);
    const diff = auditDiff({ inspectorIds: before }, { inspectorIds: wanted });
    if (!diff) return done(undefined);
    await tx.delete(zoneInspectors).where(eq(zoneInspectors.zoneId, zoneId));
    if (wanted.length > 0)
      await tx.insert(zoneInspectors).values(wanted.map((userId) => ({ zoneId, userId })));
    await recordAudit(tx, actor, now, {
      action: "zone.inspectors",
      targetId: zoneId,
      targetLabel: zone.name,
      districtId: zone.districtId,
      ...diff,
    });
    return done(undefined);
  });
}

/** Null when every id is an active inspector of the district. */
async function inspectorsRefusal(
  tx: Executor,
  districtId: string,
  userIds: readonly string[],
): Promise<Refused | null> {
  if (userIds.length === 0) return null;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, [...userIds]),
        eq(users.role, "inspector"),
        eq(users.districtId, districtId),
        eq(users.banned, false),
      ),
    );
  return rows.length === userIds.length
    ? null
    : refused("invalid_input", "只能分配本区县在用的督学账号");
}

/** Null when every id is an active zone of the district. */
export async function zonesRefusal(
  tx: Executor,
  districtId: string,
  zoneIds: readonly string[],
): Promise<Refused | null> {
  if (zoneIds.length === 0) return null;
  const rows = await tx
    .select({ id: zones.id })
    .from(zones)
    .where(
      and(
        inArray(zones.id, [...zoneIds]),
        eq(zones.districtId, districtId),
        eq(zones.active, true),
      ),
    );
  return rows.length === new Set(zoneIds).size
    ? null
    : refused("invalid_input", "督学责任区不存在或已停用");
}
