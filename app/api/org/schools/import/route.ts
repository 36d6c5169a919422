import { apiRoute } from "@/lib/server/api-route";
import { handleSchoolImport } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/**
 * Imports the uploaded .xlsx or CSV: when every row is valid, creates or updates each school by its
 * code in one transaction; otherwise 422 with every error and nothing written.
 */
export const POST = apiRoute(function POST(request: Request): Promise<Response> {
  return handleSchoolImport(request, true);
});
