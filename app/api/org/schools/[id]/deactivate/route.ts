import { apiRoute } from "@/lib/server/api-route";
import { handleSetSchoolActive } from "@/lib/server/org/school-http";

export const dynamic = "force-dynamic";

/** Deactivates a school (never deleted): it leaves packs and new visits, its history stays. */
export const POST = apiRoute(function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return handleSetSchoolActive(request, params, false);
});
