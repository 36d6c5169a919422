import { apiRoute } from "@/lib/server/api-route";
import { scopedSchoolIds } from "@/lib/server/auth/scope";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { schoolRepository } from "@/lib/server/repositories/org/school-repository";

export const dynamic = "force-dynamic";

/** The office's schools (its district). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, ["office", "city", "admin"]);
  if (error) return error;
  const db = getDb();
  return Response.json({
    schools: await schoolRepository.listByIds(db, await scopedSchoolIds(db, user)),
  });
});
