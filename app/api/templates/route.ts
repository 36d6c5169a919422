import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/** The newest published version of every template: what a new visit may pin (the inspector app caches it). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { error } = await requireApiUser(request, TEMPLATE_READERS);
  if (error) return error;
  return Response.json({ templates: await templateRepository.listPublished(getDb()) });
});
