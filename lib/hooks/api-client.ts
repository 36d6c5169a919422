"use client";

import { useCallback, useState } from "react";

import {
  type CallArgs,
  type Contract,
  type ErrorBody,
  errorBodySchema,
  pathOf,
  type ResponseOutput,
} from "@/lib/contracts/contract";
import type { SchoolImportError } from "@/lib/domain/org/school-import";
import { type Refusal, refusal } from "@/lib/domain/refusal";

import { send } from "./api-send";

export { send } from "./api-send";

/**
 * How the office and school pages call the server: the one place in app/, components/ and lib/hooks
 * that calls `fetch` (lint fences it; the phone's sync goes through lib/sync/transport.ts). Every
 * call names its endpoint's contract (lib/contracts), which builds the path and body and parses the
 * answer; a failure is the server's refusal (code and Chinese message, an import's errors, the
 * message per field). Hooks build their API objects on it.
 */
export type ApiFailure = Refusal & {
  status: number;
  /** A template import's errors, item by item. */
  errors: string[];
  /** A school import's errors, by row and column. */
  rows: SchoolImportError[];
  /** The first message per field of a body that failed its schema. */
  fieldErrors: Record<string, string>;
};
export type ApiResult<T> = { ok: true; data: T } | ({ ok: false } & ApiFailure);

/** No answer at all (offline, DNS, a reset connection). */
export const NETWORK_UNAVAILABLE = refusal("network_unavailable", "网络不可用，请连接网络后重试");

/** A failed answer's refusal: the server's own, or one naming the status for a foreign body. */
export function errorBodyOf(status: number, body: unknown): ErrorBody {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success
    ? parsed.data
    : { error: "internal_error", message: `请求失败（${status}），请稍后重试` };
}

function failureOf(status: number, body: unknown): { ok: false } & ApiFailure {
  const failure = errorBodyOf(status, body);
  const fieldErrors: Record<string, string> = {};
  for (const issue of failure.issues ?? [])
    fieldErrors[String(issue.path[0] ?? "")] ??= issue.message;
  return {
    ok: false,
    status,
    code: failure.error,
    message: failure.message,
    errors: failure.errors ?? [],
    rows: failure.rows ?? [],
    fieldErrors,
  };
}

/**
 * The request's body and its type: a file as it is, with its own type (one the browser cannot type
 * goes as octet-stream rather than untyped); a text file's text as it is; anything else as JSON.
 */
function bodyOf(contract: Contract, body: unknown): { body?: BodyInit; type: string } {
  if (body === undefined) return { type: "application/json" };
  if (contract.body === "file" && body instanceof Blob)
    return { body, type: body.type || "application/octet-stream" };
  const text = contract.body === "text" && typeof body === "string";
  return { body: text ? body : JSON.stringify(body), type: "application/json" };
}

/** A failure with no server answer to go by. */
const failed = (status: number, refused: Refusal): { ok: false } & ApiFailure => ({
  ok: false,
  status,
  ...refused,
  errors: [],
  rows: [],
  fieldErrors: {},
});

/**
 * Calls the endpoint of `contract`: its method, its path filled from `input.params` and
 * `input.query`, `input.body` as the contract says; the answer parsed with its response schema (a
 * file as a Blob).
 */
export async function call<C extends Contract>(
  contract: C,
  ...[input]: CallArgs<C>
): Promise<ApiResult<ResponseOutput<C>>> {
  const { body, type } = bodyOf(contract, input?.body);
  const response = await send(pathOf(contract, input), {
    method: contract.method,
    headers: { "content-type": type },
    body,
  });
  if (!response) return failed(0, NETWORK_UNAVAILABLE);
  if (!response.ok) return failureOf(response.status, await response.json().catch(() => null));
  if (contract.response === "file") {
    return { ok: true, data: (await response.blob()) as ResponseOutput<C> };
  }
  const parsed = contract.response.safeParse(await response.json().catch(() => null));
  if (parsed.success) return { ok: true, data: parsed.data as ResponseOutput<C> };
  return failed(response.status, refusal("internal_error", "服务器的回答无法识别，请刷新后重试"));
}

/** The result with its data turned into `pick(data)` (the part of the answer a caller wants). */
export function mapResult<T, U>(result: ApiResult<T>, pick: (data: T) => U): ApiResult<U> {
  return result.ok ? { ok: true, data: pick(result.data) } : result;
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
