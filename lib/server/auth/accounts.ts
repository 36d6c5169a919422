/**
 * Passwords exactly as better-auth stores them, hashed and verified by better-auth's own hasher — no
 * password code of our own. The account rows themselves are the user repository's.
 */
import "server-only";

import { getAuth } from "./auth";
import type { Executor } from "../db/client";
import { userRepository } from "../repositories/org/user-repository";

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
  const hash = await userRepository.passwordHashOf(db, userId);
  if (!hash) return false;
  const ctx = await getAuth().$context;
  return ctx.password.verify({ hash, password });
}
