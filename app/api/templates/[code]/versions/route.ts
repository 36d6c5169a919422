import { versionList } from "@/lib/domain/template/library";
import { apiRoute } from "@/lib/server/api-route";
import { templateAccess } from "@/lib/server/auth/scope";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { type CodeParams, notFound, TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * The template's versions, newest first, each saying whether it is the current version, superseded
 * by a newer one or retired (`versionListSchema`), with the version the user's district adopted.
 */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_READERS);
  if (error) return error;
  const { code } = await params;
  const db = getDb();
  const access = await templateAccess(db, user, code);
  if (access === null || access.right === "none") return notFound(code);
  const adopted =
    access.owner === null && user.districtId !== null
      ? await templateRepository.adoptedVersion(db, user.districtId, code)
      : null;
  return Response.json(versionList(await templateRepository.listVersions(db, code), adopted));
});
