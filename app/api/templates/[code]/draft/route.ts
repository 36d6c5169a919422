import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { templateRepository } from "@/lib/server/repositories/template-repository";
import {
  type CodeParams,
  parseDraftBody,
  TEMPLATE_EDITORS,
  writeRefused,
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
  const result = await templateRepository.startDraft(getDb(), code, parsed?.data ?? null, user.id);
  if (!result.ok) return writeRefused(result);
  return Response.json({ draft: result.value.draft }, { status: result.value.isNew ? 201 : 200 });
});

/** Saves the draft's content (creating the draft, or a new template, when there is none). */
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
  return Response.json({
    draft: await templateRepository.saveDraft(getDb(), parsed.data, user.id),
  });
});
