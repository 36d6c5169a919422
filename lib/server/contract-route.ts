/**
 * A route handler built from its contract (lib/contracts): who may call (a guard, checked first),
 * then the body and query parsed with the contract's schemas (422 with zod's Chinese issues, nothing
 * done), the path's parameters, and the handler's outcome answered with the contract's status or
 * the refusal's. The handler's answer is typed by the contract's response schema.
 */
import "server-only";

import type { z } from "zod";

import type {
  BodyOutput,
  Contract,
  ErrorBody,
  PathParams,
  SuccessStatus,
  QueryOutput,
  ResponseInput,
} from "@/lib/contracts/contract";
import type { Role, User } from "@/lib/domain/org/org.schema";
import { refusal, refused, type Refused } from "@/lib/domain/refusal";
import { queryValues } from "@/lib/utils/search-params";

import { apiRoute } from "./api-route";
import { requireApiUser } from "./auth/session";
import { type BodyLimit, invalidInput, parseJson, readJsonBody, readTextBody } from "./http";
import { refusalResponse } from "./refusal";

/** Who is calling, or the refusal to answer as is. */
export type Guarded<Caller> = ({ ok: true } & Caller) | { ok: false; response: Response };
export type Guard<Caller> = (request: Request) => Promise<Guarded<Caller>>;

/**
 * A guard for the signed-in users of these roles (any role when absent); `bodyTypes` are the media
 * types a `"file"` body may come as.
 */
export function signedIn(
  roles?: readonly Role[],
  options: { allowPasswordChange?: boolean; bodyTypes?: readonly string[] } = {},
): Guard<{ user: User }> {
  return async (request) => {
    const { user, error } = await requireApiUser(request, roles, options);
    return error ? { ok: false, response: error } : { ok: true, user };
  };
}

/** A guard for users of these roles bound to a district; one bound to none is refused with `message`. */
export function inDistrict(
  roles: readonly Role[],
  message: string,
): Guard<{ user: User; districtId: string }> {
  const guard = signedIn(roles);
  return async (request) => {
    const caller = await guard(request);
    if (!caller.ok) return caller;
    const { user } = caller;
    if (user.districtId === null) {
      return { ok: false, response: refusalResponse(refusal("forbidden", message)) };
    }
    return { ok: true, user, districtId: user.districtId };
  };
}

export type RouteInput<C extends Contract, Caller> = {
  request: Request;
  caller: Caller;
  params: PathParams<C>;
  body: BodyOutput<C>;
  query: QueryOutput<C>;
};

/**
 * A JSON endpoint answers an outcome (with its own success status where it depends on what
 * happened: a draft opened anew is 201, one already open 200); a file endpoint its own response
 * or a refusal.
 */
export type RouteAnswer<C extends Contract> = C["response"] extends "file"
  ? Response | Refused
  : { ok: true; value: ResponseInput<C>; status?: SuccessStatus } | RefusedWithDetails;

/** A refusal with what the error body adds: an import's errors, the issues of the fields at fault. */
export type RefusedWithDetails = Refused & Pick<ErrorBody, "errors" | "rows" | "issues">;

/** The refusal's answer, with its details in the error body. */
export function refusedResponse({
  ok: _ok,
  code,
  message,
  ...details
}: RefusedWithDetails): Response {
  return refusalResponse({ code, message }, details);
}

/** A value that broke a schema after the body passed (a merged patch): 422 with zod's issues. */
export function invalidIssues(error: z.ZodError): RefusedWithDetails {
  const issues = error.issues.map(({ path, message }) => ({
    path: path.filter((key) => typeof key !== "symbol"),
    message,
  }));
  return { ...refused("invalid_input", issues[0]?.message ?? "提交的内容有误"), issues };
}

/** How a route reads its JSON body where a form's rules do not fit. */
export type BodyReading = {
  /** How much it reads (413 past it, naming the content); MAX_JSON_BYTES when absent. */
  limit?: BodyLimit;
  /**
   * Leaves control characters to the handler (a push rejects only the mutation holding one rather
   * than the batch); otherwise one anywhere in the body is refused with 422.
   */
  allowControlChars?: boolean;
};

export function contractRoute<C extends Contract, Caller>(
  spec: C,
  guard: Guard<Caller>,
  handler: (input: RouteInput<C, Caller>) => Promise<RouteAnswer<C>>,
  reading: BodyReading = {},
) {
  return apiRoute(async function handle(
    request: Request,
    // Tests call a handler without a context where the path has no parameters.
    context?: { params: Promise<PathParams<C>> },
  ): Promise<Response> {
    const caller = await guard(request);
    if (!caller.ok) return caller.response;
    const body =
      spec.body && spec.body !== "file"
        ? await parseBody(request, spec.body, reading)
        : { ok: true as const };
    if (!body.ok) return body.response;
    const query = spec.query ? parseQuery(request, spec.query) : { ok: true as const };
    if (!query.ok) return query.response;
    const answer:
      Response | { ok: true; value: unknown; status?: SuccessStatus } | RefusedWithDetails =
      await handler({
        request,
        caller,
        params: (await context?.params) ?? ({} as PathParams<C>),
        body: body.data as BodyOutput<C>,
        query: query.data as QueryOutput<C>,
      });
    if (answer instanceof Response) return answer;
    if (answer.ok) {
      // Every answer is the signed-in caller's own: no cache (nor the service worker) keeps it.
      const status = answer.status ?? spec.status ?? 200;
      return Response.json(answer.value, { status, headers: PRIVATE });
    }
    return refusedResponse(answer);
  });
}

const PRIVATE = { "Cache-Control": "private, no-store" };

type Parsed<T> = { ok: true; data?: T } | { ok: false; response: Response };

/**
 * The body parsed by the contract's schema, or the 413 / 422 to answer. An empty body is `null`
 * where the schema takes it (a draft opened from the newest version), else `{}` (no options).
 */
async function parseBody<S extends z.ZodType | "text">(
  request: Request,
  schema: S,
  { limit, allowControlChars = false }: BodyReading,
): Promise<Parsed<unknown>> {
  if (schema === "text") {
    const read = await readTextBody(request, limit);
    return read.ok ? { ok: true, data: read.text } : read;
  }
  const read = allowControlChars
    ? await readTextBody(request, limit).then((text) => (text.ok ? parseJson(text.text) : text))
    : await readJsonBody(request, limit);
  if (!read.ok) return read;
  const empty = schema.safeParse(null).success ? null : {};
  const parsed = schema.safeParse(read.body ?? empty);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}

/** The query string parsed by the contract's schema, or the 422. */
function parseQuery<S extends z.ZodType>(request: Request, schema: S): Parsed<z.output<S>> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(queryValues(params));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}
