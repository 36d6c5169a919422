/**
 * Reads a push body for POST /api/sync/push: refuses an oversized body before holding it all (413),
 * then parses JSON and the envelope (422 with zod's issues). Each mutation inside is parsed later,
 * one by one, so that one bad mutation is a rejection rather than a failed batch.
 */
import "server-only";

import { pushRequestEnvelopeSchema } from "@/lib/sync/protocol";

import { invalidInput, parseJson, readTextBody } from "../http";
import type { PushEnvelope } from "./apply-push";

/**
 * A full batch (100 mutations) of the largest answers is about 1.2 MB of JSON; anything past this is
 * not a push from our app.
 */
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

export async function readPushRequest(
  request: Request,
): Promise<{ ok: true; push: PushEnvelope } | { ok: false; response: Response }> {
  const read = await readTextBody(request, {
    maxBytes: MAX_PUSH_BYTES,
    what: "同步内容",
    hint: "，请分批同步",
  });
  if (!read.ok) return read;
  // Not readJsonBody's whole-body control-character check: one bad mutation must not fail the batch.
  const json = parseJson(read.text);
  if (!json.ok) return json;
  const parsed = pushRequestEnvelopeSchema.safeParse(json.body);
  return parsed.success
    ? { ok: true, push: parsed.data }
    : { ok: false, response: invalidInput(parsed.error) };
}
