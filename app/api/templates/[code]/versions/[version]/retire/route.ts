import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  ownerForWrite,
  TEMPLATE_EDITORS,
  templateRefFrom,
  type VersionParams,
} from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Stops offering a published version to new visits; visits pinned to it keep it. Only the owner's
 * office may (admin for the national library).
 */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: VersionParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const path = await templateRefFrom(params);
  if (!path.ok) return path.response;
  const db = getDb();
  const target = await ownerForWrite(db, user, path.ref.code);
  if (!target.ok) return target.response;
  const result = await templateRepository.retire(
    db,
    path.ref.code,
    path.ref.version,
    systemClock.now(),
  );
  return result.ok ? Response.json({ template: result.value }) : refusalResponse(result);
});
