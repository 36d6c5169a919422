import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  TEMPLATE_EDITORS,
  templateRefFrom,
  type VersionParams,
  writeRefused,
} from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** Stops offering a published version to new visits; visits pinned to it keep it. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: VersionParams },
): Promise<Response> {
  const { error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const path = await templateRefFrom(params);
  if (!path.ok) return path.response;
  const result = await templateRepository.retire(getDb(), path.ref.code, path.ref.version);
  return result.ok ? Response.json({ template: result.value }) : writeRefused(result);
});
