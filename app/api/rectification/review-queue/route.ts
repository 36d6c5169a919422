import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { pageQuerySchema } from "@/lib/server/db/keyset";
import { invalidInput } from "@/lib/server/http";
import { REVIEWERS } from "@/lib/server/rectification/http";
import { listReviewQueue } from "@/lib/server/rectification/queries";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Answers awaiting 复查 and extension requests awaiting a decision by this user, oldest first, a page
 * at a time (?after= / ?before= / ?limit=). Answers { tasks, page, total }.
 */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, REVIEWERS);
  if (error) return error;
  const query = pageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const result = await listReviewQueue(getReadDb(), user, query.data, systemClock.now());
  if ("error" in result) return refusalResponse(refusal("invalid_input", result.error));
  return Response.json(result);
});
