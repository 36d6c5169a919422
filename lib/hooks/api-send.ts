"use client";

/**
 * The request itself, apart from api-client.ts and its response schemas (zod), so that the
 * inspector's role check on the first screen (use-inspector.ts) loads no zod (issue #10).
 */

/** The request as sent; null when no answer came. */
export async function send(path: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    return await fetch(path, { credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    return null;
  }
}
