import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { TEMPLATE_READERS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * What a new visit in the user's district may pin (the versions it adopted and its own newest ones);
 * for admin, the newest version of every national template.
 */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_READERS);
  if (error) return error;
  const db = getDb();
  const templates =
    user.role === "admin"
      ? await templateRepository.listPublished(db)
      : user.districtId === null
        ? []
        : await templateRepository.listOffered(db, user.districtId);
  return Response.json({ templates });
});
