"use client";

import { usernameClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { useState } from "react";

const authClient = createAuthClient({ plugins: [usernameClient()] });

/** Turns better-auth's error into a sentence for the sign-in form. */
function signInErrorMessage(error: { status?: number; code?: string; message?: string }): string {
  if (error.status === 429) return error.message ?? "登录尝试过于频繁，请稍后再试";
  if (error.status === 401 || error.code === "INVALID_USERNAME_OR_PASSWORD")
    return "用户名或密码错误";
  if (error.status === 403) return "该账号已停用，请联系督导室";
  return "登录失败，请稍后重试";
}

export function useSignIn() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(username: string, password: string): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      const result = await authClient.signIn.username({ username, password });
      if (result.error) {
        setError(signInErrorMessage(result.error));
        return false;
      }
      return true;
    } catch {
      setError("网络不可用，请连接网络后登录");
      return false;
    } finally {
      setPending(false);
    }
  }

  return { signIn, pending, error };
}

export async function signOut(): Promise<void> {
  await authClient.signOut();
}
