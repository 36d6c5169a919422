import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  notFound,
  TEMPLATE_EDITORS,
  templateRefFrom,
  type VersionParams,
} from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** One version as a JSON file; importing it again (here or in another district) gives a draft. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: VersionParams },
): Promise<Response> {
  const { error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const path = await templateRefFrom(params);
  if (!path.ok) return path.response;
  const template = await templateRepository.get(getDb(), path.ref.code, path.ref.version);
  if (!template) return notFound(path.ref.code, path.ref.version);
  return new Response(`${JSON.stringify(template, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // Template codes are lowercase ASCII, so the file name needs no encoding.
      "Content-Disposition": `attachment; filename="${template.code}-v${template.version}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
