/**
 * Wraps every route handler under app/api: gives the request an id (X-Request-Id on the response,
 * `requestId` in every JSON error body, on every log line written while handling it), logs one line
 * per request, and turns a thrown error into a JSON answer — 503 while the database is unavailable,
 * 500 otherwise — instead of Next.js's HTML error page or a hung request.
 */
import "server-only";

import { randomUUID } from "node:crypto";

import { refusal } from "@/lib/domain/refusal";

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "./db/faults";
import { log, withRequestId } from "./log";
import { refusalResponse } from "./refusal";

export const REQUEST_ID_HEADER = "X-Request-Id";

/** An id a proxy in front of the app may pass in; anything else is replaced, so ids are safe to log. */
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>;

export function apiRoute<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return (request, ...rest) => {
    const incoming = request.headers.get(REQUEST_ID_HEADER);
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const response = await handler(request, ...rest).catch(thrownResponse);
      const answered = await withIdInErrorBody(response, requestId);
      answered.headers.set(REQUEST_ID_HEADER, requestId);
      const ms = Math.round(performance.now() - started);
      const line = {
        method: request.method,
        path: new URL(request.url).pathname,
        status: answered.status,
        ms,
      };
      if (answered.status >= 500) log.error(line, "request failed");
      else log.info(line, "request");
      return answered;
    });
  };
}

function thrownResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, "database unavailable");
    return refusalResponse(
      refusal("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE),
      {},
      { headers: { "Retry-After": "5" } },
    );
  }
  log.error({ err: error }, "unhandled error");
  return refusalResponse(refusal("internal_error", "服务器内部错误，请稍后再试"));
}

/**
 * Error bodies are built in many places (routes, helpers, better-auth); adding the id here covers them
 * all. Only small JSON error bodies are rewritten; headers may be immutable, so the response is rebuilt.
 */
async function withIdInErrorBody(response: Response, requestId: string): Promise<Response> {
  const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
  if (response.status < 400 || !isJson) return new Response(response.body, response);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, response);
  }
  const withId =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? { ...body, requestId }
      : body;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(withId), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
