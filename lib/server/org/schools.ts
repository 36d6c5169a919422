/**
 * The office's school register: list, create, edit, deactivate and import, each checked against the
 * scope helper. An office works in its own district; an admin names the district. Refusals are
 * plain values with the HTTP status the route answers with.
 */
import "server-only";

import { idSchema } from "@/lib/domain/ids";
import {
  type DistrictAccess,
  districtAccess,
  READ_ONLY_MESSAGE,
  readableDistrictIds,
} from "@/lib/domain/org/org-scope";
import {
  type School,
  SCHOOL_FIELD_LABELS,
  type SchoolInput,
  type User,
} from "@/lib/domain/org/org.schema";
import type { SchoolImportResponse, SchoolListResponse } from "@/lib/domain/org/school-api";
import { parseSchoolImport, type SchoolImportError } from "@/lib/domain/org/school-import";
import { done, type Refusal, refusal } from "@/lib/domain/refusal";
import { newId } from "@/lib/utils/ids";

import { zonesRefusal } from "./org-service";
import { readSheetRows } from "./school-sheet";
import { orgScopeOf } from "../auth/scope";
import type { RefusedWithDetails } from "../contract-route";
import { lockChangeSeq } from "../db/change-seq";
import type { Db, Executor } from "../db/client";
import { recordAudit } from "../repositories/org/audit-log-repository";
import { districtRepository } from "../repositories/org/district-repository";
import { schoolRepository, type SchoolListQuery } from "../repositories/org/school-repository";

/** A refusal, naming the form field it concerns when there is one. */
export type SchoolRefusal = Refusal & { field?: string };

/** A refusal as answered; a field's refusal also lists it as a zod-like issue for the form. */
export function schoolRefused({ field, ...refusal }: SchoolRefusal): RefusedWithDetails {
  const issues = field === undefined ? undefined : [{ path: [field], message: refusal.message }];
  return { ok: false, ...refusal, ...(issues ? { issues } : {}) };
}

/** A school service's result as a route's answer. */
export function schoolAnswer(
  result: { school: School } | { refusal: SchoolRefusal },
): { ok: true; value: School } | RefusedWithDetails {
  return "refusal" in result ? schoolRefused(result.refusal) : done(result.school);
}

const fieldRefusal = (field: string, message: string): SchoolRefusal => ({
  ...refusal("invalid_input", message),
  field,
});

const NOT_FOUND = refusal("not_found", "学校不存在");

/** The district this request works in: the office's own; for an admin, the one named. */
export async function districtToManage(
  db: Executor,
  user: User,
  requested: string | undefined,
): Promise<{ districtId: string } | { refusal: SchoolRefusal }> {
  if (user.role === "office") {
    if (!user.districtId || (requested && requested !== user.districtId)) {
      return { refusal: refusal("forbidden", "只能管理本区县的学校") };
    }
    return { districtId: user.districtId };
  }
  if (user.role !== "admin") return { refusal: refusal("forbidden", "无权管理学校") };
  if (!requested) return { refusal: fieldRefusal("districtId", "请选择区县") };
  if ((await districtRepository.nameOf(db, requested)) === null)
    return { refusal: fieldRefusal("districtId", "区县不存在") };
  return { districtId: requested };
}

/**
 * For the office's school pages: the district they show — the office's own; for an admin or a
 * 市级督导室 the one picked (`?district=`), else the first they may read — and whether the user may
 * change it. districtId is null when there is no district yet.
 */
export async function pageDistrict(
  db: Executor,
  user: User,
  picked: string | undefined,
): Promise<{
  districtId: string | null;
  districts: { id: string; name: string }[];
  canWrite: boolean;
}> {
  const scope = await orgScopeOf(db, user);
  const readable = readableDistrictIds(scope);
  const districts = (await districtRepository.list(db)).filter(
    (d) => readable === null || readable.includes(d.id),
  );
  const districtId = districts.find((d) => d.id === picked)?.id ?? districts[0]?.id ?? null;
  return {
    districtId,
    districts,
    canWrite: districtId !== null && districtAccess(scope, districtId) === "write",
  };
}

/** One page of the schools this user may read; `districtId` narrows it to one of them. */
export async function listSchools(
  db: Executor,
  user: User,
  query: Omit<SchoolListQuery, "districtIds"> & { districtId?: string },
): Promise<SchoolListResponse> {
  const { districtId, ...rest } = query;
  const readable = readableDistrictIds(await orgScopeOf(db, user));
  const districtIds =
    districtId === undefined
      ? readable
      : readable === null || readable.includes(districtId)
        ? [districtId]
        : [];
  const { schools, total } = await schoolRepository.list(db, { ...rest, districtIds });
  return { schools, total, page: query.page, pageSize: query.pageSize };
}

/**
 * The school, if this user may read it (`need` "read") or change it ("write") by the org scope;
 * otherwise null, which routes answer as "not found" (no hint that it exists).
 */
export async function findManagedSchool(
  db: Executor,
  user: User,
  id: string,
  need: Exclude<DistrictAccess, "none">,
): Promise<{ school: School } | { refusal: SchoolRefusal }> {
  const school = idSchema.safeParse(id).success ? await schoolRepository.findById(db, id) : null;
  if (!school) return { refusal: NOT_FOUND };
  // Out of sight reads as absent; in sight but read-only (a 市级督导室) is told so.
  const access = districtAccess(await orgScopeOf(db, user), school.districtId);
  if (access === "none") return { refusal: NOT_FOUND };
  if (access === "read" && need === "write") {
    return { refusal: refusal("forbidden", READ_ONLY_MESSAGE) };
  }
  return { school };
}

/**
 * Refuses a code another school of the district has, or a zone the school may not be put in: a new
 * school, like a moved one, goes only into an active zone of its district.
 */
async function conflictOf(
  db: Executor,
  districtId: string,
  input: SchoolInput,
  self: School | null,
) {
  const holder = await schoolRepository.findByCode(db, districtId, input.code);
  if (holder && holder.id !== self?.id) {
    return fieldRefusal("code", `学校代码“${input.code}”已被“${holder.name}”使用`);
  }
  if (input.zoneId && input.zoneId !== self?.zoneId) {
    const zoneRefused = await zoneMoveRefusal(db, districtId, input.zoneId);
    if (zoneRefused) return fieldRefusal("zoneId", zoneRefused.message);
  }
  return null;
}

function inWriteTransaction<T>(db: Db, write: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockChangeSeq(tx);
    return write(tx);
  });
}

export async function createSchool(
  db: Db,
  user: User,
  requestedDistrictId: string | undefined,
  input: SchoolInput,
): Promise<{ school: School } | { refusal: SchoolRefusal }> {
  const target = await districtToManage(db, user, requestedDistrictId);
  if ("refusal" in target) return target;
  return inWriteTransaction(db, async (tx) => {
    const conflict = await conflictOf(tx, target.districtId, input, null);
    if (conflict) return { refusal: conflict };
    return { school: await schoolRepository.insert(tx, target.districtId, newId(), input) };
  });
}

export async function updateSchool(
  db: Db,
  user: User,
  id: string,
  input: SchoolInput,
): Promise<{ school: School } | { refusal: SchoolRefusal }> {
  return inWriteTransaction(db, async (tx) => {
    const found = await findManagedSchool(tx, user, id, "write");
    if ("refusal" in found) return found;
    // The zone is the school's as read in this transaction: only moveSchool changes it, audited.
    const edited = { ...input, zoneId: found.school.zoneId };
    const conflict = await conflictOf(tx, found.school.districtId, edited, found.school);
    if (conflict) return { refusal: conflict };
    return { school: await schoolRepository.update(tx, id, edited) };
  });
}

/**
 * Moves a school to another zone of its district. Its inspectors change with it: the next visit
 * pack of the old zone's inspectors lacks it, and their pushes for it are refused (apply-push.ts).
 */
export async function moveSchool(
  db: Db,
  user: User,
  id: string,
  zoneId: string,
  now: number,
): Promise<{ school: School } | { refusal: SchoolRefusal }> {
  return inWriteTransaction(db, async (tx) => {
    const found = await findManagedSchool(tx, user, id, "write");
    if ("refusal" in found) return found;
    const { school } = found;
    const zoneRefused = await zoneMoveRefusal(tx, school.districtId, zoneId);
    if (zoneRefused) return { refusal: zoneRefused };
    if (school.zoneId === zoneId) return found;
    const moved = await schoolRepository.update(tx, id, { ...school, zoneId });
    await recordZoneMoves(tx, user, now, [{ school, zoneId }]);
    return { school: moved };
  });
}

/** Why a school of `districtId` may not move into `zoneId`: it is not an active zone of the district. */
async function zoneMoveRefusal(
  tx: Executor,
  districtId: string,
  zoneId: string,
): Promise<Refusal | null> {
  const refused = await zonesRefusal(tx, districtId, [zoneId]);
  return refused && refusal(refused.code, refused.message);
}

type ZoneMove = { school: School; zoneId: string };

/** The audit entries of schools' moves (调整学校责任区), by the zone endpoint or an import. */
function recordZoneMoves(tx: Executor, user: User, now: number, moves: readonly ZoneMove[]) {
  return recordAudit(
    tx,
    user,
    now,
    moves.map(({ school, zoneId }) => ({
      action: "school.zone" as const,
      targetId: school.id,
      targetLabel: school.name,
      districtId: school.districtId,
      before: { zoneId: school.zoneId },
      after: { zoneId },
    })),
  );
}

export async function setSchoolActive(
  db: Db,
  user: User,
  id: string,
  isActive: boolean,
): Promise<{ school: School } | { refusal: SchoolRefusal }> {
  return inWriteTransaction(db, async (tx) => {
    const found = await findManagedSchool(tx, user, id, "write");
    if ("refusal" in found) return found;
    return { school: await schoolRepository.setActive(tx, id, isActive) };
  });
}

/**
 * Reads and checks an import file for the district; with `commit`, creates or updates every school by
 * its code in one transaction. A file with any error writes nothing and lists every error.
 *
 * The zone column moves an existing school the way the zone endpoint does (moveSchool): only into
 * an active zone of the district, with the same 调整学校责任区 entry in the audit log, so the import
 * is not a way round the log. A blank zone cell assigns no zone to a new school and leaves an
 * existing school where it is (the zone endpoint cannot take a school out of its zone either).
 */
export async function importSchools(
  db: Db,
  user: User,
  districtId: string,
  bytes: Buffer,
  options: { commit: boolean; now: number },
): Promise<SchoolImportResponse> {
  const rows = await readSheetRows(bytes);
  if (!rows) return importRefused([{ row: 0, column: null, message: UNREADABLE }], UNREADABLE);
  const parsed = parseSchoolImport(rows, await schoolRepository.listZones(db, districtId));
  if (!parsed.ok) return importRefused(parsed.errors);
  if (!options.commit) {
    const plan = await importPlan(db, districtId, parsed.schools, parsed.rows);
    return "errors" in plan ? importRefused(plan.errors) : { ...plan.counts, isImported: false };
  }
  return inWriteTransaction(db, async (tx) => {
    const plan = await importPlan(tx, districtId, parsed.schools, parsed.rows);
    if ("errors" in plan) return importRefused(plan.errors);
    await schoolRepository.upsertMany(tx, districtId, plan.inputs, newId);
    await recordZoneMoves(tx, user, options.now, plan.moves);
    return { ...plan.counts, isImported: true };
  });
}

const UNREADABLE = "无法读取文件：请上传 Excel（.xlsx）或 UTF-8 编码的 CSV 文件";

function importRefused(
  errors: SchoolImportError[],
  message = `文件中有 ${errors.length} 处错误，未导入任何学校`,
): SchoolImportResponse {
  return { ok: false, message, errors };
}

type ImportPlan = {
  /** The rows as written: a blank zone cell of an existing school filled with its zone. */
  inputs: SchoolInput[];
  moves: ZoneMove[];
  counts: { ok: true; total: number; created: number; updated: number; moved: number };
};

/** What the parsed file does to the district's schools, or the rows whose zone move is refused. */
async function importPlan(
  db: Executor,
  districtId: string,
  parsed: SchoolInput[],
  rows: number[],
): Promise<ImportPlan | { errors: SchoolImportError[] }> {
  const existing = await schoolRepository.byCodes(
    db,
    districtId,
    parsed.map((s) => s.code),
  );
  const inputs: SchoolInput[] = [];
  const moves: ImportPlan["moves"] = [];
  const errors: SchoolImportError[] = [];
  const refusalOfZone = new Map<string, Refusal | null>();
  for (const [i, row] of parsed.entries()) {
    const school = existing.get(row.code);
    const input = school && row.zoneId === null ? { ...row, zoneId: school.zoneId } : row;
    inputs.push(input);
    if (input.zoneId === null || input.zoneId === school?.zoneId) continue;
    if (!refusalOfZone.has(input.zoneId)) {
      refusalOfZone.set(input.zoneId, await zoneMoveRefusal(db, districtId, input.zoneId));
    }
    const refused = refusalOfZone.get(input.zoneId);
    if (refused) {
      errors.push({ row: rows[i]!, column: SCHOOL_FIELD_LABELS.zoneId, message: refused.message });
    } else if (school) moves.push({ school, zoneId: input.zoneId });
  }
  if (errors.length > 0) return { errors };
  const total = inputs.length;
  return {
    inputs,
    moves,
    counts: {
      ok: true,
      total,
      created: total - existing.size,
      updated: existing.size,
      moved: moves.length,
    },
  };
}
