import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { type CodeParams, TEMPLATE_EDITORS, writeRefused } from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Publishes the code's draft as a new immutable version (201 with it). */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const { code } = await params;
  const result = await templateRepository.publish(getDb(), code, {
    now: systemClock.now(),
    userId: user.id,
  });
  return result.ok
    ? Response.json({ template: result.value }, { status: 201 })
    : writeRefused(result);
});
