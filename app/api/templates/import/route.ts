import { refusal } from "@/lib/domain/refusal";
import { parseTemplateImport } from "@/lib/domain/template/import-template";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { readTextBody } from "@/lib/server/http";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import { ownerForWrite, TEMPLATE_EDITORS } from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * Imports a template file (an exported version, or one written by hand) as a draft. A file with any
 * error saves nothing and answers 422 with every error, naming the item and the field. A new code
 * becomes the office's district's template; a national code or another district's is refused.
 */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  // The raw text, so a file that is not JSON at all gets the same Chinese answer as a wrong one.
  const read = await readTextBody(request);
  if (!read.ok) return read.response;
  const parsed = parseTemplateImport(read.text);
  if (!parsed.ok) {
    return refusalResponse(refusal("invalid_input", "导入的模板有误，未保存任何内容"), {
      errors: parsed.errors,
    });
  }
  const db = getDb();
  const target = await ownerForWrite(db, user, parsed.template.code);
  if (!target.ok) return target.response;
  const imported = await templateRepository.importDraft(db, parsed.template, {
    userId: user.id,
    owner: target.owner,
  });
  return Response.json(imported, { status: 201 });
});
