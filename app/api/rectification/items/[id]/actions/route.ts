import { idSchema } from "@/lib/domain/ids";
import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import {
  applyRectificationAction,
  rectificationActionRequestSchema,
} from "@/lib/server/rectification/act";
import type { IdParams } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Body `{ action, expectedVersion? }` → the updated item and its event; 403 / 404 / 409 / 422 change nothing. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const { id } = await params;
  if (!idSchema.safeParse(id).success)
    return refusalResponse(refusal("not_found", "整改事项不存在"));
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = rectificationActionRequestSchema.safeParse(body.body);
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await applyRectificationAction(
    getDb(),
    user,
    { itemId: id, ...parsed.data },
    systemClock.now(),
  );
  return result.ok
    ? Response.json({ item: result.item, event: result.event })
    : refusalResponse(result);
});
