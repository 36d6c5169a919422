import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { refusalResponse } from "@/lib/server/refusal";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  type CodeParams,
  ownerForWrite,
  parseDraftBody,
  TEMPLATE_EDITORS,
} from "@/lib/server/templates/http";

export const dynamic = "force-dynamic";

/**
 * Opens the code's draft: the one already open (200), or a new one (201) from the body when given,
 * else copied from the newest version.
 */
export const POST = apiRoute(async function POST(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const { code } = await params;
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const parsed = read.body === null ? null : parseDraftBody(code, read.body);
  if (parsed && !parsed.success) return invalidInput(parsed.error);
  const db = getDb();
  const target = await ownerForWrite(db, user, code);
  if (!target.ok) return target.response;
  const result = await templateRepository.startDraft(db, code, parsed?.data ?? null, {
    userId: user.id,
    owner: target.owner,
  });
  if (!result.ok) return refusalResponse(result);
  return Response.json({ draft: result.value.draft }, { status: result.value.isNew ? 201 : 200 });
});

/**
 * Saves the draft's content (creating the draft, or a new template of the office's district, when
 * there is none).
 */
export const PUT = apiRoute(async function PUT(
  request: Request,
  { params }: { params: CodeParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request, TEMPLATE_EDITORS);
  if (error) return error;
  const { code } = await params;
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const parsed = parseDraftBody(code, read.body);
  if (!parsed.success) return invalidInput(parsed.error);
  const db = getDb();
  const target = await ownerForWrite(db, user, code);
  if (!target.ok) return target.response;
  return Response.json({
    draft: await templateRepository.saveDraft(db, parsed.data, user.id, target.owner),
  });
});
