import { forkRequestSchema } from "@/lib/domain/template/library";
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

export const dynamic = "force-dynamic";

/**
 * 复制为本区清单: copies a national version into a new template of the office's district, as a
 * draft (201 with it) that the office edits and publishes as its own.
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
  const parsed = forkRequestSchema.safeParse(read.body ?? {});
  if (!parsed.success) return invalidInput(parsed.error);
  const db = getDb();
  const access = await templateAccess(db, user, code);
  if (access === null || access.right === "none") return notFound(code);
  if (access.owner !== null) {
    return jsonError(409, "conflict", "本区自己的检查表可直接编辑新版本，无需复制");
  }
  const result = await templateRepository.fork(
    db,
    district.districtId,
    { code, version: parsed.data.version },
    user.id,
  );
  return result.ok ? Response.json({ draft: result.value }, { status: 201 }) : writeRefused(result);
}
