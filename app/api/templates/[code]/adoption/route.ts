import { adoptionRequestSchema } from "@/lib/domain/template/library";
import { templateAccess } from "@/lib/server/auth/scope";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, jsonError, readJsonBody } from "@/lib/server/http";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  type CodeParams,
  notFound,
  officeDistrict,
  TEMPLATE_ADOPTERS,
  writeRefused,
} from "@/lib/server/templates/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * Adopts a national template for the office's district at a version (the newest when the body names
 * none), or moves the adoption forward to a newer one: what the district's new visits get.
 */
export async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_ADOPTERS);
  if (error) return error;
  const district = officeDistrict(user);
  if (!district.ok) return district.response;
  const { code } = await params;
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const parsed = adoptionRequestSchema.safeParse(read.body ?? {});
  if (!parsed.success) return invalidInput(parsed.error);
  const db = getDb();
  const access = await templateAccess(db, user, code);
  if (access === null || access.right === "none") return notFound(code);
  if (access.owner !== null) {
    return jsonError(409, "conflict", "本区自己的检查表无需采用，发布后即可使用");
  }
  const result = await templateRepository.adopt(
    db,
    district.districtId,
    code,
    parsed.data.version ?? null,
    { now: systemClock.now(), userId: user.id },
  );
  return result.ok ? Response.json({ adoption: result.value }) : writeRefused(result);
}

/** Stops using a national template in the office's district; visits already pinned keep it. */
export async function DELETE(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_ADOPTERS);
  if (error) return error;
  const district = officeDistrict(user);
  if (!district.ok) return district.response;
  const { code } = await params;
  const result = await templateRepository.withdraw(getDb(), district.districtId, code);
  return result.ok ? Response.json({ withdrawn: result.value }) : writeRefused(result);
}
