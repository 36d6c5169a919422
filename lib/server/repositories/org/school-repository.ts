/**
 * Schools and zones as domain objects. Scope is decided by lib/server/auth/scope.ts; callers pass
 * the ids or the district they may see.
 */
import "server-only";

import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";

import {
  type School,
  type SchoolInput,
  schoolSchema,
  type SchoolStage,
  type Zone,
} from "@/lib/domain/org/org.schema";

import type { Executor } from "../../db/client";
import { districts, schools, user as users, zoneInspectors, zones } from "../../db/schema";

export function rowToSchool(row: typeof schools.$inferSelect): School {
  return schoolSchema.parse({
    id: row.id,
    districtId: row.districtId,
    zoneId: row.zoneId,
    code: row.code,
    name: row.name,
    address: row.address,
    principal: row.principal,
    contact: row.contact,
    phone: row.phone,
    isActive: row.isActive,
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

export type SchoolListQuery = {
  /** The districts to list; null: every district (admin). */
  districtIds: readonly string[] | null;
  /** Matched against name, code, principal and contact. */
  q?: string;
  /** A zone id, or "none" for schools not yet in a zone. */
  zone?: string;
  stage?: SchoolStage;
  active?: boolean;
  page: number;
  pageSize: number;
};

export type SchoolListRow = School & { zoneName: string | null };

/** Rows per INSERT statement of an import: far below PostgreSQL's 65,535 parameters (18 per row). */
const IMPORT_CHUNK = 1000;

function listWhere(query: SchoolListQuery): SQL | undefined {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    query.districtIds === null ? undefined : inArray(schools.districtId, [...query.districtIds]),
    pattern
      ? or(
          ilike(schools.name, pattern),
          ilike(schools.code, pattern),
          ilike(schools.principal, pattern),
          ilike(schools.contact, pattern),
        )
      : undefined,
    query.zone === "none"
      ? isNull(schools.zoneId)
      : query.zone
        ? eq(schools.zoneId, query.zone)
        : undefined,
    query.stage ? eq(schools.stage, query.stage) : undefined,
    query.active === undefined ? undefined : eq(schools.isActive, query.active),
  );
}

/** The columns an office edits (every SchoolInput field has a column of the same name). */
const EDITABLE_COLUMNS = [
  "code",
  "name",
  "address",
  "principal",
  "contact",
  "phone",
  "zoneId",
  "stage",
  "ownership",
  "isVillage",
  "isBoarding",
  "canteen",
  "hasSchoolBus",
  "studentCount",
  "classCount",
] as const satisfies readonly (keyof SchoolInput)[];

function editableColumns(input: SchoolInput): Pick<SchoolInput, (typeof EDITABLE_COLUMNS)[number]> {
  return Object.fromEntries(EDITABLE_COLUMNS.map((key) => [key, input[key]])) as Pick<
    SchoolInput,
    (typeof EDITABLE_COLUMNS)[number]
  >;
}

/** On an import's conflict, every edited column takes the file's value (`excluded`). */
const TAKE_FROM_FILE = Object.fromEntries(
  EDITABLE_COLUMNS.filter((key) => key !== "code").map((key) => [
    key,
    sql.raw(`excluded."${schools[key].name}"`),
  ]),
);

export const schoolRepository = {
  async findById(db: Executor, id: string): Promise<School | null> {
    const [row] = await db.select().from(schools).where(eq(schools.id, id));
    return row ? rowToSchool(row) : null;
  },

  async listByIds(db: Executor, ids: string[]): Promise<School[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select()
      .from(schools)
      .where(inArray(schools.id, ids))
      .orderBy(asc(schools.code));
    return rows.map(rowToSchool);
  },

  /** The district's schools, by code. */
  async listByDistrict(db: Executor, districtId: string): Promise<School[]> {
    const rows = await db
      .select()
      .from(schools)
      .where(eq(schools.districtId, districtId))
      .orderBy(asc(schools.code));
    return rows.map(rowToSchool);
  },

  /** The district's active schools (a campaign's targets are chosen among them). */
  async listActiveByDistrict(db: Executor, districtId: string): Promise<School[]> {
    const rows = await db
      .select()
      .from(schools)
      .where(and(eq(schools.districtId, districtId), eq(schools.isActive, true)))
      .orderBy(asc(schools.code));
    return rows.map(rowToSchool);
  },

  /** One page of schools with the total, searched, filtered and paged in SQL. */
  async list(
    db: Executor,
    query: SchoolListQuery,
  ): Promise<{ schools: SchoolListRow[]; total: number }> {
    const where = listWhere(query);
    const [rows, [totals]] = await Promise.all([
      db
        .select({ school: schools, zoneName: zones.name })
        .from(schools)
        .leftJoin(zones, eq(zones.id, schools.zoneId))
        .where(where)
        .orderBy(asc(schools.code), asc(schools.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ total: count() }).from(schools).where(where),
    ]);
    return {
      schools: rows.map((r) => ({ ...rowToSchool(r.school), zoneName: r.zoneName })),
      total: totals?.total ?? 0,
    };
  },

  async findByCode(db: Executor, districtId: string, code: string): Promise<School | null> {
    const [row] = await db
      .select()
      .from(schools)
      .where(and(eq(schools.districtId, districtId), eq(schools.code, code)));
    return row ? rowToSchool(row) : null;
  },

  /** The district's schools with these codes, by code (an import updates those, creates the rest). */
  async byCodes(db: Executor, districtId: string, codes: string[]): Promise<Map<string, School>> {
    if (codes.length === 0) return new Map();
    const rows = await db
      .select()
      .from(schools)
      .where(and(eq(schools.districtId, districtId), inArray(schools.code, codes)));
    return new Map(rows.map((r) => [r.code, rowToSchool(r)]));
  },

  /** Call inside a transaction that took lockChangeSeq first. */
  async insert(tx: Executor, districtId: string, id: string, input: SchoolInput): Promise<School> {
    const [row] = await tx
      .insert(schools)
      .values({ id, districtId, ...editableColumns(input) })
      .returning();
    return rowToSchool(row!);
  },

  /** Call inside a transaction that took lockChangeSeq first. */
  async update(tx: Executor, id: string, input: SchoolInput): Promise<School> {
    const [row] = await tx
      .update(schools)
      .set({
        ...editableColumns(input),
        updatedAt: sql`now()`,
        changeSeq: sql`nextval('change_seq')`,
      })
      .where(eq(schools.id, id))
      .returning();
    return rowToSchool(row!);
  },

  /** Call inside a transaction that took lockChangeSeq first. */
  async setActive(tx: Executor, id: string, isActive: boolean): Promise<School> {
    const [row] = await tx
      .update(schools)
      .set({ isActive, updatedAt: sql`now()`, changeSeq: sql`nextval('change_seq')` })
      .where(eq(schools.id, id))
      .returning();
    return rowToSchool(row!);
  },

  /**
   * Creates or updates each school by its code within the district, in multi-row statements. Call
   * inside a transaction that took lockChangeSeq first. `newId` names the schools it creates; the
   * caller counts them from `byCodes` read in the same transaction.
   */
  async upsertMany(
    tx: Executor,
    districtId: string,
    inputs: SchoolInput[],
    newId: () => string,
  ): Promise<void> {
    for (let start = 0; start < inputs.length; start += IMPORT_CHUNK) {
      const chunk = inputs.slice(start, start + IMPORT_CHUNK);
      await tx
        .insert(schools)
        .values(chunk.map((input) => ({ id: newId(), districtId, ...editableColumns(input) })))
        .onConflictDoUpdate({
          target: [schools.districtId, schools.code],
          set: {
            ...TAKE_FROM_FILE,
            updatedAt: sql`now()`,
            changeSeq: sql`nextval('change_seq')`,
          },
        });
    }
  },

  /** The ids of the schools of these districts (null: every school). */
  async idsInDistricts(db: Executor, districtIds: readonly string[] | null): Promise<string[]> {
    const rows = await db
      .select({ id: schools.id })
      .from(schools)
      .where(districtIds === null ? undefined : inArray(schools.districtId, [...districtIds]));
    return rows.map((r) => r.id);
  },

  /** Whether the school is one of these districts'. */
  async isInDistricts(
    db: Executor,
    schoolId: string,
    districtIds: readonly string[],
  ): Promise<boolean> {
    const rows = await db
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.id, schoolId), inArray(schools.districtId, [...districtIds])));
    return rows.length > 0;
  },

  /** The ids of the schools in the zones the inspector looks after. */
  async idsInspectedBy(db: Executor, userId: string): Promise<string[]> {
    const rows = await db
      .select({ id: schools.id })
      .from(schools)
      .innerJoin(zoneInspectors, eq(zoneInspectors.zoneId, schools.zoneId))
      .where(eq(zoneInspectors.userId, userId));
    return rows.map((r) => r.id);
  },

  /** Whether the school is in a zone the inspector looks after. */
  async isInspectedBy(db: Executor, schoolId: string, userId: string): Promise<boolean> {
    const rows = await db
      .select({ id: schools.id })
      .from(schools)
      .innerJoin(zoneInspectors, eq(zoneInspectors.zoneId, schools.zoneId))
      .where(and(eq(schools.id, schoolId), eq(zoneInspectors.userId, userId)));
    return rows.length > 0;
  },

  /** How many schools the zone has. */
  async countInZone(db: Executor, zoneId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(schools).where(eq(schools.zoneId, zoneId));
    return row?.n ?? 0;
  },

  /** id → name for the given ids; unknown ids are absent. */
  async namesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(inArray(schools.id, [...ids]));
    return new Map(rows.map((s) => [s.id, s.name]));
  },

  /** The school's district and the prefix of its district's notice numbers; null when unknown. */
  async noticeIssuer(
    db: Executor,
    schoolId: string,
  ): Promise<{ districtId: string; prefix: string } | null> {
    const [row] = await db
      .select({ districtId: schools.districtId, prefix: districts.noticePrefix })
      .from(schools)
      .innerJoin(districts, eq(districts.id, schools.districtId))
      .where(eq(schools.id, schoolId));
    return row ?? null;
  },

  /** The school's address and its district's name (a notice prints them); null when unknown. */
  async placeOf(
    db: Executor,
    schoolId: string,
  ): Promise<{ districtName: string; schoolAddress: string } | null> {
    const [place] = await db
      .select({ districtName: districts.name, schoolAddress: schools.address })
      .from(schools)
      .innerJoin(districts, eq(districts.id, schools.districtId))
      .where(eq(schools.id, schoolId));
    return place ?? null;
  },

  /** The schools of these districts (null: every district) that have no school account, by code. */
  async listWithoutAccount(
    db: Executor,
    districtIds: readonly string[] | null,
  ): Promise<{ id: string; name: string; code: string }[]> {
    const rows = await db
      .select({ id: schools.id, name: schools.name, code: schools.code, account: users.id })
      .from(schools)
      .leftJoin(users, and(eq(users.schoolId, schools.id), eq(users.role, "school")))
      .where(districtIds === null ? undefined : inArray(schools.districtId, [...districtIds]))
      .orderBy(asc(schools.code));
    return rows.filter((r) => r.account === null).map(({ id, name, code }) => ({ id, name, code }));
  },

  async listZones(db: Executor, districtId: string): Promise<Zone[]> {
    const rows = await db
      .select()
      .from(zones)
      .where(eq(zones.districtId, districtId))
      .orderBy(asc(zones.createdAt), asc(zones.name));
    return rows.map((r) => ({ id: r.id, districtId: r.districtId, name: r.name }));
  },
};
