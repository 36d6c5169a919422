import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  notFound,
  TEMPLATE_READERS,
  templateRefFrom,
  type VersionParams,
} from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** Exactly the version a visit pinned, retired ones included; never a draft. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: VersionParams },
): Promise<Response> {
  const { error } = await requireApiUser(request, TEMPLATE_READERS);
  if (error) return error;
  const path = await templateRefFrom(params);
  if (!path.ok) return path.response;
  const template = await templateRepository.get(getDb(), path.ref.code, path.ref.version);
  return template ? Response.json({ template }) : notFound(path.ref.code, path.ref.version);
});
