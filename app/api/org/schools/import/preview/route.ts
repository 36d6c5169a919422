import { apiRoute } from "@/lib/server/api-route";
import { handleSchoolImport } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Checks the uploaded file without writing: every error, or how many schools it creates and updates. */
export const POST = apiRoute(function POST(request: Request): Promise<Response> {
  return handleSchoolImport(request, false);
});
