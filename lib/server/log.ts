/**
 * The server's one logger: structured JSON lines (pino) on stdout, each carrying the id of the
 * request it was written for. Server code logs through `log`, never through console.
 */
import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import pino, { type Logger } from "pino";

import { logLevel } from "./env";

type RequestContext = { requestId: string };

// Next.js loads instrumentation and route modules in separate module graphs: keep one of each per process.
const g = globalThis as typeof globalThis & {
  __duxueRequestContext?: AsyncLocalStorage<RequestContext>;
  __duxueLog?: Logger;
};
const requestContext = (g.__duxueRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` as the handling of request `requestId`: every line logged inside carries the id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export const log: Logger = (g.__duxueLog ??= pino(
  {
    level: logLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  // process.stdout rather than pino's own fd writer, so output interleaves with Next.js's in order.
  process.stdout,
));

/** pino's error serializer, minus pg's `client` (a whole connection object with its internals). */
function serializeError(error: Error): Record<string, unknown> {
  const { client: _client, ...rest } = pino.stdSerializers.err(error) as Record<string, unknown>;
  return rest;
}
