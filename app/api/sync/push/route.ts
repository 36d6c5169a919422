import type { Role } from "@/lib/domain/org/org.schema";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { applyPush } from "@/lib/server/sync/apply-push";
import { readPushRequest } from "@/lib/server/sync/push-request";
import { inPushSlot } from "@/lib/server/sync/push-slots";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Inspectors push visits; schools and the office may push "rectification.act" (each judged per mutation). */
const PUSHERS: readonly Role[] = ["inspector", "school", "office"];

/**
 * `pushRequestSchema` → `pushResponseSchema`: one transaction, one result per mutation (lib/sync/protocol.ts),
 * once a push slot is free (push-slots.ts).
 */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, PUSHERS);
  if (error) return error;
  const body = await readPushRequest(request);
  if (!body.ok) return body.response;
  const db = getDb();
  return Response.json(await inPushSlot(() => applyPush(db, user, body.push, systemClock.now())));
});
