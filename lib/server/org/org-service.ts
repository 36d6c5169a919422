/**
 * Cities, districts, 督学责任区 and their inspectors (a school's zone belongs to the school register,
 * schools.ts). Each change checks the caller's organisation scope (lib/server/auth/scope.ts), runs
 * in one transaction and appends its audit entry there. Nothing is deleted: what has history is
 * deactivated.
 */
import "server-only";

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

import type { Db, Executor } from "../db/client";
import { recordAudit } from "../repositories/org/audit-log-repository";
import { cityRepository } from "../repositories/org/city-repository";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository } from "../repositories/org/school-repository";
import { userRepository } from "../repositories/org/user-repository";
import { type ZoneRow, zoneRepository } from "../repositories/org/zone-repository";

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
  const rows = await cityRepository.list(db);
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
    if (await cityRepository.codeTaken(tx, input.code))
      return refused("conflict", `市代码“${input.code}”已存在`);
    const city: City = { id: newId(), ...input, active: true };
    await cityRepository.insert(tx, city);
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
    const row = await cityRepository.findById(tx, cityId);
    if (!row) return refused("not_found", "市不存在");
    const next = { ...row, ...patch };
    await cityRepository.update(tx, cityId, patch);
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

export async function listDistricts(db: Executor, scope: OrgScope): Promise<DistrictView[]> {
  const ids = readableDistrictIds(scope);
  if (ids !== null && ids.length === 0) return [];
  return districtRepository.listViews(db, ids);
}

async function cityRefusal(
  tx: Executor,
  cityId: string | null | undefined,
): Promise<Refused | null> {
  if (cityId === null || cityId === undefined) return null;
  const active = await cityRepository.activeOf(tx, cityId);
  if (active === null) return refused("invalid_input", "所属市不存在");
  return active ? null : refused("invalid_input", "所属市已停用");
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
    if ((await districtRepository.idByCode(tx, input.code)) !== null)
      return refused("conflict", `区县代码“${input.code}”已存在`);
    const district: DistrictView = { id: newId(), ...input, active: true };
    await districtRepository.insert(tx, district);
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
    const before = await districtRepository.findView(tx, districtId);
    if (!before) return refused("not_found", "区县不存在");
    const refusal = await cityRefusal(tx, patch.cityId);
    if (refusal) return refusal;
    await districtRepository.update(tx, districtId, patch);
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
  return zoneRepository.listViews(db, ids);
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
    await zoneRepository.insertMany(tx, [zone]);
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
): Promise<Outcome<ZoneRow>> {
  const zone = await zoneRepository.findById(tx, zoneId);
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
      const n = await schoolRepository.countInZone(tx, zoneId);
      // A school always has a zone: the office moves them out first, so no school is left orphaned.
      if (n > 0) return refused("conflict", `责任区内还有 ${n} 所学校，请先把学校调整到其他责任区`);
    }
    await zoneRepository.update(tx, zoneId, patch);
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
    const before = await zoneRepository.inspectorIds(tx, zoneId);
    const diff = auditDiff({ inspectorIds: before }, { inspectorIds: wanted });
    if (!diff) return done(undefined);
    await zoneRepository.setInspectors(tx, zoneId, wanted);
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
  const rows = await userRepository.inspectorIdsAmong(tx, districtId, userIds, true);
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
  const rows = await zoneRepository.idsInDistrict(tx, districtId, zoneIds, true);
  return rows.length === new Set(zoneIds).size
    ? null
    : refused("invalid_input", "督学责任区不存在或已停用");
}
