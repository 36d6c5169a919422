/**
 * Reads a push body for POST /api/sync/push: refuses an oversized body before holding it all (413),
 * then parses JSON and the envelope (422 with zod's issues). Each mutation inside is parsed later,
 * one by one, so that one bad mutation is a rejection rather than a failed batch.
 */
import "server-only";

import { pushRequestEnvelopeSchema } from "@/lib/sync/protocol";

import { invalidInput, jsonError } from "../http";
import type { PushEnvelope } from "./apply-push";

/**
 * A full batch (100 mutations) of the largest answers is about 1.2 MB of JSON; anything past this is
 * not a push from our app.
 */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

const TOO_LARGE = () =>
  jsonError(
    413,
    "payload_too_large",
    `同步内容过大（超过 ${MAX_PUSH_BYTES / 1024 / 1024} MB），请分批同步`,
  );

/** The body as text, or null once it passes `maxBytes` (then the rest is not read). */
async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readPushRequest(
  request: Request,
): Promise<{ ok: true; push: PushEnvelope } | { ok: false; response: Response }> {
  const text = await readTextWithin(request, MAX_PUSH_BYTES);
  if (text === null) return { ok: false, response: TOO_LARGE() };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(422, "invalid_input", "请求内容不是有效的 JSON") };
  }
  const parsed = pushRequestEnvelopeSchema.safeParse(body);
  return parsed.success
    ? { ok: true, push: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}
