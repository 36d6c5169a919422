import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { type CodeParams, ownerForWrite, TEMPLATE_EDITORS } from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Publishes the code's draft as a new immutable version (201 with it); only its owner's office may. */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const { code } = await params;
  const db = getDb();
  const target = await ownerForWrite(db, user, code);
  if (!target.ok) return target.response;
  const result = await templateRepository.publish(db, code, {
    now: systemClock.now(),
    userId: user.id,
  });
  return result.ok
    ? Response.json({ template: result.value }, { status: 201 })
    : refusalResponse(result);
});
