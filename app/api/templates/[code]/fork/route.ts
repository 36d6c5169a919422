import { forkRequestSchema } from "@/lib/domain/template/library";
import { apiRoute } from "@/lib/server/api-route";
import { getDb } from "@/lib/server/db/client";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { type CodeParams, nationalTemplateRequest } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * 复制为本区清单: copies a national version into a new template of the office's district, as a
 * draft (201 with it) that the office edits and publishes as its own.
 */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const asked = await nationalTemplateRequest(
    request,
    params,
    forkRequestSchema,
    "本区自己的检查表可直接编辑新版本，无需复制",
  );
  if (!asked.ok) return asked.response;
  const result = await templateRepository.fork(
    getDb(),
    asked.districtId,
    { code: asked.code, version: asked.body.version },
    asked.user.id,
  );
  return result.ok
    ? Response.json({ draft: result.value }, { status: 201 })
    : refusalResponse(result);
});
