import { adoptionRequestSchema } from "@/lib/domain/template/library";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  type CodeParams,
  nationalTemplateRequest,
  officeDistrict,
  TEMPLATE_ADOPTERS,
} from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Adopts a national template for the office's district at a version (the newest when the body names
 * none), or moves the adoption forward to a newer one: what the district's new visits get.
 */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const asked = await nationalTemplateRequest(
    request,
    params,
    adoptionRequestSchema,
    "本区自己的检查表无需采用，发布后即可使用",
  );
  if (!asked.ok) return asked.response;
  const result = await templateRepository.adopt(
    getDb(),
    asked.districtId,
    asked.code,
    asked.body.version ?? null,
    { now: systemClock.now(), userId: asked.user.id },
  );
  return result.ok ? Response.json({ adoption: result.value }) : refusalResponse(result);
});

/** Stops using a national template in the office's district; visits already pinned keep it. */
export const DELETE = apiRoute(async function DELETE(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_ADOPTERS);
  if (error) return error;
  const district = officeDistrict(user);
  if (!district.ok) return district.response;
  const { code } = await params;
  const result = await templateRepository.withdraw(getDb(), district.districtId, code);
  return result.ok ? Response.json({ withdrawn: result.value }) : refusalResponse(result);
});
