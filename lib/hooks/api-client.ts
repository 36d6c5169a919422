"use client";

import { useCallback, useState } from "react";
import { z } from "zod";

import { type Refusal, refusal, refusalCodeSchema } from "@/lib/domain/refusal";

import { send } from "./api-send";

export { send } from "./api-send";

/**
 * How the office and school pages call the server: the one place in app/, components/ and lib/hooks
 * that calls `fetch` (lint fences it; the phone's sync goes through lib/sync/transport.ts). Every
 * answer is parsed with the endpoint's schema; a failure is the server's refusal (code and Chinese
 * message, plus an import's errors). Hooks build their API objects on it.
 */
export type ApiFailure = Refusal & { status: number; errors: string[] };
export type ApiResult<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

/** No answer at all (offline, DNS, a reset connection). */
export const NETWORK_UNAVAILABLE = refusal("network_unavailable", "网络不可用，请连接网络后重试");

/** The error body every route answers with (lib/server/refusal.ts), and its zod-like issues. */
const errorBodySchema = z.object({
  error: refusalCodeSchema,
  message: z.string().min(1),
  errors: z.array(z.string()).optional(),
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failed answer's refusal: the server's own, or one naming the status for a foreign body. */
export function errorBodyOf(status: number, body: unknown): ErrorBody {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success
    ? parsed.data
    : { error: "internal_error", message: `请求失败（${status}），请稍后重试` };
}

export async function call<T>(
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<ApiResult<T>> {
  const response = await send(path, {
    ...init,
    headers: { "content-type": "application/json" },
  });
  if (!response) return { ok: false, status: 0, ...NETWORK_UNAVAILABLE, errors: [] };
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    return {
      ok: false,
      status: response.status,
      ...refusal("internal_error", "服务器的回答无法识别，请刷新后重试"),
      errors: [],
    };
  }
  const failure = errorBodyOf(response.status, body);
  return {
    ok: false,
    status: response.status,
    code: failure.error,
    message: failure.message,
    errors: failure.errors ?? [],
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
      const { ok: _ok, ...failed } = result;
      setFailure(failed);
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { run, pending, failure, clearFailure: useCallback(() => setFailure(null), []) };
}
