/**
 * People's accounts: the app's columns of better-auth's `user` table, the credential `account` row
 * it signs in with (hashed by better-auth's own hasher, lib/server/auth/accounts.ts), and ending
 * someone's sessions. Who may see or change an account is decided before the ids get here (an
 * event's actor is shown to whoever may see the event).
 */
import "server-only";

import { and, asc, eq, ilike, inArray, ne, or, type SQL } from "drizzle-orm";

import type { Role } from "@/lib/domain/org/org.schema";
import type { PeopleQuery } from "@/lib/domain/org/people";
import { newId } from "@/lib/utils/ids";

import type { Executor } from "../../db/client";
import { account, session, user as users, zoneInspectors } from "../../db/schema";

export type UserRow = typeof users.$inferSelect;

export type NewAccount = {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  schoolId?: string | null;
  districtId?: string | null;
  cityId?: string | null;
  phone?: string;
  /** True for a generated one-time password: the user must set their own at first sign-in. */
  mustChangePassword?: boolean;
};

const credentialOf = (userId: string) =>
  and(eq(account.userId, userId), eq(account.providerId, "credential"));

export const userRepository = {
  /** id → name for the given ids; unknown ids are simply absent. */
  async namesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, unique));
    return new Map(rows.map((row) => [row.id, row.name]));
  },

  async findById(db: Executor, id: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  },

  async findByUsername(db: Executor, username: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    return row ?? null;
  },

  async usernameTaken(db: Executor, username: string): Promise<boolean> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return row !== undefined;
  },

  /** The usernames given to school accounts so far (school_…), to make new ones unique. */
  async schoolAccountUsernames(db: Executor): Promise<Set<string>> {
    const rows = await db
      .select({ username: users.username })
      .from(users)
      .where(ilike(users.username, "school\\_%"));
    return new Set(rows.map((r) => r.username ?? ""));
  },

  /** Whether the school already has its school account. */
  async schoolHasAccount(db: Executor, schoolId: string): Promise<boolean> {
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.schoolId, schoolId), eq(users.role, "school")));
    return existing !== undefined;
  },

  /** Which of these schools already have a school account. */
  async schoolsWithAccount(db: Executor, schoolIds: readonly string[]): Promise<Set<string>> {
    if (schoolIds.length === 0) return new Set();
    const rows = await db
      .select({ schoolId: users.schoolId })
      .from(users)
      .where(and(eq(users.role, "school"), inArray(users.schoolId, [...schoolIds])));
    return new Set(rows.flatMap((r) => (r.schoolId ? [r.schoolId] : [])));
  },

  /** The inspectors of the district among `ids` (only those not disabled, with `onlyActive`). */
  async inspectorIdsAmong(
    db: Executor,
    districtId: string,
    ids: readonly string[],
    onlyActive: boolean,
  ): Promise<string[]> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, [...ids]),
          eq(users.role, "inspector"),
          eq(users.districtId, districtId),
          onlyActive ? eq(users.banned, false) : undefined,
        ),
      );
    return rows.map((r) => r.id);
  },

  /** The accounts of these districts (null: every district) matching the query, by role then username. */
  async list(
    db: Executor,
    districtIds: readonly string[] | null,
    query: PeopleQuery,
  ): Promise<UserRow[]> {
    const conditions: (SQL | undefined)[] = [
      districtIds === null ? undefined : inArray(users.districtId, [...districtIds]),
      query.districtId ? eq(users.districtId, query.districtId) : undefined,
      query.role ? eq(users.role, query.role) : undefined,
      query.status === "active"
        ? ne(users.banned, true)
        : query.status === "disabled"
          ? eq(users.banned, true)
          : undefined,
      query.q
        ? or(ilike(users.name, `%${query.q}%`), ilike(users.username, `%${query.q}%`))
        : undefined,
      query.zoneId
        ? inArray(
            users.id,
            db
              .select({ id: zoneInspectors.userId })
              .from(zoneInspectors)
              .where(eq(zoneInspectors.zoneId, query.zoneId)),
          )
        : undefined,
    ];
    return db
      .select()
      .from(users)
      .where(and(...conditions))
      .orderBy(asc(users.role), asc(users.username));
  },

  /** Creates a user with a username/password credential; returns its id. */
  async createAccount(db: Executor, a: NewAccount): Promise<string> {
    const id = newId();
    await db.insert(users).values({
      id,
      name: a.name,
      email: `${a.username}@users.duxue.local`,
      emailVerified: true,
      username: a.username,
      displayUsername: a.username,
      role: a.role,
      schoolId: a.schoolId ?? null,
      districtId: a.districtId ?? null,
      cityId: a.cityId ?? null,
      phone: a.phone ?? "",
      mustChangePassword: a.mustChangePassword ?? false,
    });
    await db.insert(account).values({
      id: newId(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: a.passwordHash,
    });
    return id;
  },

  async setProfile(
    db: Executor,
    id: string,
    profile: { name?: string; phone?: string },
    now: number,
  ): Promise<void> {
    await db
      .update(users)
      .set({ name: profile.name, phone: profile.phone, updatedAt: new Date(now) })
      .where(eq(users.id, id));
  },

  /** Disables (banned) or enables the account. */
  async setBanned(db: Executor, id: string, banned: boolean, now: number): Promise<void> {
    await db
      .update(users)
      .set({ banned, banReason: banned ? "账号已停用" : null, updatedAt: new Date(now) })
      .where(eq(users.id, id));
  },

  async setMustChangePassword(db: Executor, id: string, must: boolean, now: number) {
    await db
      .update(users)
      .set({ mustChangePassword: must, updatedAt: new Date(now) })
      .where(eq(users.id, id));
  },

  /** The user's password hash; null without a credential. */
  async passwordHashOf(db: Executor, userId: string): Promise<string | null> {
    const [row] = await db
      .select({ hash: account.password })
      .from(account)
      .where(credentialOf(userId));
    return row?.hash ?? null;
  },

  /** Replaces the user's password hash. */
  async setPasswordHash(db: Executor, userId: string, passwordHash: string, now: Date) {
    await db
      .update(account)
      .set({ password: passwordHash, updatedAt: now })
      .where(credentialOf(userId));
  },

  /** Ends every session of the user: their next request is 401. */
  async endSessions(db: Executor, userId: string): Promise<void> {
    await db.delete(session).where(eq(session.userId, userId));
  },
};
