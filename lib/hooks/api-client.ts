"use client";

import { useCallback, useState } from "react";
import { z } from "zod";

/**
 * How the office UI calls its JSON APIs: every answer is parsed with the endpoint's schema; a failure
 * carries the server's Chinese message (and an import's errors). Hooks build their API objects on it.
 */
export type ApiFailure = { status: number; message: string; errors: string[] };
export type ApiResult<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

const errorBodySchema = z.object({ message: z.string(), errors: z.array(z.string()).optional() });

export async function call<T>(
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { "content-type": "application/json" },
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, message: "网络不可用，请连接网络后重试", errors: [] };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      status: response.status,
      message: "服务器的回答无法识别，请刷新后重试",
      errors: [],
    };
  }
  const failure = errorBodySchema.safeParse(body);
  return failure.success
    ? {
        ok: false,
        status: response.status,
        message: failure.data.message,
        errors: failure.data.errors ?? [],
      }
    : {
        ok: false,
        status: response.status,
        message: `请求失败（${response.status}），请稍后重试`,
        errors: [],
      };
}

/** Runs one API call at a time and keeps its failure for the UI to show. */
export function useApiAction() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const run = useCallback(async <T>(action: () => Promise<ApiResult<T>>): Promise<T | null> => {
    setPending(true);
    setFailure(null);
    try {
      const result = await action();
      if (result.ok) return result.data;
      setFailure({ status: result.status, message: result.message, errors: result.errors });
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { run, pending, failure, clearFailure: useCallback(() => setFailure(null), []) };
}
