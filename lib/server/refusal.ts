/**
 * The one code → HTTP status map: every route answers a refusal with `refusalResponse`, whose body is
 * `{ error: code, message }` (apiRoute adds `requestId`).
 */
import "server-only";

import type { Refusal, RefusalCode } from "@/lib/domain/refusal";

export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  unauthorized: 401,
  password_change_required: 403,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  invalid_input: 422,
  photo_missing: 422,
  hash_mismatch: 400,
  not_an_image: 415,
  unsupported_media_type: 415,
  too_large: 413,
  quota_exceeded: 422,
  rate_limited: 429,
  database_unavailable: 503,
  internal_error: 500,
  // The client's own refusal; a server answering it would be a gateway failing to reach the app.
  network_unavailable: 502,
};

/** The refusal as a JSON answer; `extra` adds fields such as zod's `issues`, `init` headers. */
export function refusalResponse(
  { code, message }: Refusal,
  extra: Record<string, unknown> = {},
  init: { headers?: HeadersInit } = {},
): Response {
  return Response.json(
    { error: code, message, ...extra },
    { status: REFUSAL_STATUS[code], headers: init.headers },
  );
}
