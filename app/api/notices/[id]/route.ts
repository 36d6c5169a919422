import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import type { IdParams } from "@/lib/server/rectification/http";
import { getNotice } from "@/lib/server/rectification/queries";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/** One notice with its items; 404 when it is unknown or outside the user's scope. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const notice = await getNotice(getDb(), user, (await params).id);
  return notice
    ? Response.json({ notice })
    : refusalResponse(refusal("not_found", "整改通知书不存在"));
});
