import { z } from "zod";

import { schoolInputSchema } from "@/lib/domain/org/org.schema";
import { schoolListQuerySchema } from "@/lib/domain/org/school-api";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { createSchool, listSchools, schoolRefusalResponse } from "@/lib/server/org/schools";
import { OFFICE } from "@/lib/server/rectification/http";

export const dynamic = "force-dynamic";

/** One page of the district's schools: search, filter by zone, stage and active, page. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const query = schoolListQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) return invalidInput(query.error);
  const { active, ...rest } = query.data;
  return Response.json(
    await listSchools(getDb(), user, {
      ...rest,
      active: active === undefined ? undefined : active === "true",
    }),
  );
});

const createSchoolRequestSchema = schoolInputSchema.extend({
  districtId: z.uuid({ version: "v7", message: "无效的区县" }).optional(),
});

/** Creates a school in the office's district (an admin names the district). */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = createSchoolRequestSchema.safeParse(body.body);
  if (!parsed.success) return invalidInput(parsed.error);
  const { districtId, ...input } = parsed.data;
  const result = await createSchool(getDb(), user, districtId, input);
  return "refusal" in result
    ? schoolRefusalResponse(result.refusal)
    : Response.json(result.school, { status: 201 });
});
