import { schoolInputSchema } from "@/lib/domain/org/org.schema";
import { schoolPatchRequestSchema } from "@/lib/domain/org/school-api";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { findManagedSchool, schoolRefusalResponse, updateSchool } from "@/lib/server/org/schools";
import { OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export const GET = apiRoute(async function GET(
  request: Request,
  { params }: Params,
): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const found = await findManagedSchool(getDb(), user, (await params).id, "read");
  return "refusal" in found ? schoolRefusalResponse(found.refusal) : Response.json(found.school);
});

/** Edits a school: the fields sent replace the stored ones, and the result must be a valid school. */
export const PATCH = apiRoute(async function PATCH(
  request: Request,
  { params }: Params,
): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const changes = schoolPatchRequestSchema.safeParse(body.body ?? {});
  if (!changes.success) return invalidInput(changes.error);
  const db = getDb();
  const { id } = await params;
  const found = await findManagedSchool(db, user, id, "write");
  if ("refusal" in found) return schoolRefusalResponse(found.refusal);
  const input = schoolInputSchema.safeParse({ ...found.school, ...changes.data });
  if (!input.success) return invalidInput(input.error);
  const result = await updateSchool(db, user, id, input.data);
  return "refusal" in result ? schoolRefusalResponse(result.refusal) : Response.json(result.school);
});
