/**
 * Username/password accounts exactly as better-auth stores them (a user row and a credential
 * account row), hashed and verified by better-auth's own hasher — no password code of our own.
 */
import "server-only";

import { and, eq } from "drizzle-orm";

import type { Role } from "@/lib/domain/org/org.schema";
import { newId } from "@/lib/utils/ids";

import { getAuth } from "./auth";
import type { Executor } from "../db/client";
import { account, user } from "../db/schema";

export async function hashPassword(password: string): Promise<string> {
  const ctx = await getAuth().$context;
  return ctx.password.hash(password);
}

/** Whether `password` is the user's current password. */
export async function verifyPassword(
  db: Executor,
  userId: string,
  password: string,
): Promise<boolean> {
  const [row] = await db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
  if (!row?.hash) return false;
  const ctx = await getAuth().$context;
  return ctx.password.verify({ hash: row.hash, password });
}

/** Replaces the user's password hash. */
export async function setPasswordHash(
  db: Executor,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .update(account)
    .set({ password: passwordHash, updatedAt: now })
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
}

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

/** Creates a user with a username/password credential; returns its id. */
export async function createAccount(db: Executor, a: NewAccount): Promise<string> {
  const id = newId();
  await db.insert(user).values({
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
}
