"use client";

/**
 * Signing in and out with the better-auth client. Loaded on intent (the sign-in form's first
 * touch, the sign-out tap), never with a page: the sign-in page, every user's first screen, ships
 * only the form (issue #10).
 */
import { usernameClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

import { signInInputSchema, type SignInInput } from "@/lib/domain/org/org.schema";

const authClient = createAuthClient({ plugins: [usernameClient()] });

export type SignInErrors = Partial<Record<keyof SignInInput, string>>;

/** What the form's fields say against the one sign-in schema; empty when they can be sent. */
export function checkSignIn(input: SignInInput): SignInErrors {
  const parsed = signInInputSchema.safeParse(input);
  const errors: SignInErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if ((field === "username" || field === "password") && errors[field] === undefined)
      errors[field] = issue.message;
  }
  return errors;
}

/** Turns better-auth's error into a sentence for the sign-in form. */
function signInErrorMessage(error: { status?: number; code?: string; message?: string }): string {
  if (error.status === 429) return error.message ?? "登录尝试过于频繁，请稍后再试";
  if (error.status === 401 || error.code === "INVALID_USERNAME_OR_PASSWORD")
    return "用户名或密码错误";
  if (error.status === 403) return "该账号已停用，请联系督导室";
  return "登录失败，请稍后重试";
}

/** Signs in; null when the session cookie is set, otherwise why not, in Chinese. */
export async function signIn(username: string, password: string): Promise<string | null> {
  try {
    const result = await authClient.signIn.username({ username, password });
    return result.error ? signInErrorMessage(result.error) : null;
  } catch {
    return "网络不可用，请连接网络后登录";
  }
}

export async function signOut(): Promise<void> {
  await authClient.signOut();
}
