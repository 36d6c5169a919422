/**
 * What the /api/org/… and /api/users/… routes share: who may call them, the caller's organisation
 * scope resolved once per request, shared-schema parsing (422 with Chinese messages, nothing written)
 * and how a service outcome is answered.
 */
import "server-only";

import type { z } from "zod";

import type { OrgScope } from "@/lib/domain/org/org-scope";
import type { Role, User } from "@/lib/domain/org/org.schema";
import { queryValues } from "@/lib/utils/search-params";

import { refusalResponse } from "../refusal";
import type { Outcome } from "./org-service";
import { orgScopeOf } from "../auth/scope";
import { requireApiUser } from "../auth/session";
import { getDb } from "../db/client";
import { invalidInput, readJsonBody } from "../http";

/** Organisation managers: the admin, an office, and a 市级督导室 (which only reads). */
export const ORG_ROLES: readonly Role[] = ["admin", "office", "city"];

export type IdParams = Promise<{ id: string }>;

export async function orgCaller(
  request: Request,
): Promise<{ ok: true; user: User; scope: OrgScope } | { ok: false; response: Response }> {
  const { user, error } = await requireApiUser(request, ORG_ROLES);
  if (error) return { ok: false, response: error };
  return { ok: true, user, scope: await orgScopeOf(getDb(), user) };
}

/** The JSON body parsed by the shared schema, or the 422 to answer. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const read = await readJsonBody(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body ?? {});
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}

/** The query string parsed by the shared schema, or the 422 to answer. */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(queryValues(params));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}

/** 200 with `body(value)`, or the failure's status and Chinese reason. */
export function outcomeResponse<T>(
  outcome: Outcome<T>,
  body: (value: T) => unknown,
  status = 200,
): Response {
  return outcome.ok ? Response.json(body(outcome.value), { status }) : refusalResponse(outcome);
}
