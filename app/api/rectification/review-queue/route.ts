import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { REVIEWERS } from "@/lib/server/rectification/http";
import { listReviewQueue } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Answers awaiting 复查 and extension requests awaiting a decision by this user, oldest first. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, REVIEWERS);
  if (error) return error;
  return Response.json({ tasks: await listReviewQueue(getDb(), user, systemClock.now()) });
});
