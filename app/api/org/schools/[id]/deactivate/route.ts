import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { refusalResponse, setSchoolActive } from "@/lib/server/org/schools";
import { OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** Deactivates a school (never deleted): it leaves packs and new visits, its history stays. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const result = await setSchoolActive(getDb(), user, (await params).id, false);
  return "refusal" in result ? refusalResponse(result.refusal) : Response.json(result.school);
}
