/** Reads a push response against what was sent. Pure. */
import type { Id } from "@/lib/domain/ids";
import type { Rejection } from "@/lib/offline/outbox-store";

import type { MutationResult } from "./protocol";

export type PushOutcome = {
  /** Applied now or before (duplicate): safe to remove from the outbox. */
  acked: Id[];
  rejected: Rejection[];
};

/**
 * Only results for mutations in this batch count; a sent mutation the server did not mention
 * stays in the outbox and is sent again (the server's idempotency makes that harmless).
 */
export function splitPushResults(
  sentIds: readonly Id[],
  results: readonly MutationResult[],
): PushOutcome {
  const sent = new Set(sentIds);
  const outcome: PushOutcome = { acked: [], rejected: [] };
  const seen = new Set<Id>();
  for (const result of results) {
    if (!sent.has(result.id) || seen.has(result.id)) continue;
    seen.add(result.id);
    if (result.status === "rejected")
      outcome.rejected.push({ id: result.id, refusal: result.refusal });
    else outcome.acked.push(result.id);
  }
  return outcome;
}
