import { apiRoute } from "@/lib/server/api-route";
import { handleSetSchoolActive } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Reactivates a school: it returns to packs and new visits. */
export const POST = apiRoute(function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return handleSetSchoolActive(request, params, true);
});
