/**
 * The only module of the phone's sync that talks to the server, each request as its endpoint's
 * contract (lib/contracts/sync.ts) says. Every call resolves to a typed result and never throws: an
 * HTTP error is `{ kind: "http", ok: false, status }`, and no answer (offline, DNS, reset, timeout)
 * is `{ kind: "network" }`. Bodies are returned unparsed; the sync engine parses them with the
 * protocol schemas, one change at a time, so one bad change spoils nothing else.
 */
import { pathOf } from "@/lib/contracts/contract";
import { syncContracts } from "@/lib/contracts/sync";
import type { PhotoId, PhotoMime } from "@/lib/domain/photo/photo.schema";

import type { PushRequest } from "./protocol";

export type HttpResult = { kind: "http"; ok: boolean; status: number; body: unknown };
export type NetworkFailure = { kind: "network"; message: string };
export type TransportResult = HttpResult | NetworkFailure;

export type Transport = {
  /** `PUT /api/photos/{sha256}` with the bytes; 201 stored and 200 already there both succeed. */
  putPhoto(photoId: PhotoId, blob: Blob, mime: PhotoMime): Promise<TransportResult>;
  push(body: PushRequest): Promise<TransportResult>;
  /** null = from the beginning. */
  pull(cursor: string | null): Promise<TransportResult>;
  getPack(): Promise<TransportResult>;
};

/** A request that hangs (half-open connection in a basement) counts as a network failure after this. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Photos are up to a few hundred KB over a weak signal. */
export const PHOTO_TIMEOUT_MS = 120_000;

export type TransportOptions = {
  /** Origin prefix for the API; "" = same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
};

export function createTransport({
  baseUrl = "",
  fetch: fetchImpl = fetch,
}: TransportOptions = {}): Transport {
  async function request(
    path: string,
    init: RequestInit,
    timeoutMs: number,
  ): Promise<TransportResult> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        ...init,
        credentials: "same-origin",
        cache: "no-store",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { kind: "network", message: errorMessage(error) };
    }
    try {
      return {
        kind: "http",
        ok: response.ok,
        status: response.status,
        body: parseBody(await response.text()),
      };
    } catch (error) {
      // The connection dropped while the body was arriving: the server may have acted; retrying is safe.
      return { kind: "network", message: errorMessage(error) };
    }
  }

  return {
    putPhoto(photoId, blob, mime) {
      const { putPhoto } = syncContracts;
      return request(
        pathOf(putPhoto, { params: { sha256: photoId } }),
        { method: putPhoto.method, headers: { "Content-Type": mime }, body: blob },
        PHOTO_TIMEOUT_MS,
      );
    },
    push(body) {
      const { push } = syncContracts;
      return request(
        pathOf(push),
        {
          method: push.method,
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        },
        REQUEST_TIMEOUT_MS,
      );
    },
    pull(cursor) {
      const { pull } = syncContracts;
      const path = pathOf(pull, { query: { cursor: cursor ?? undefined } });
      return request(path, { method: pull.method }, REQUEST_TIMEOUT_MS);
    },
    getPack() {
      const { pack } = syncContracts;
      return request(pathOf(pack), { method: pack.method }, REQUEST_TIMEOUT_MS);
    },
  };
}

/** JSON when it is JSON, else the text (an HTML error page from a proxy, say). */
function parseBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
