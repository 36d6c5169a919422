import { z } from "zod";

import type { Role } from "@/lib/domain/org/org.schema";
import { refusal } from "@/lib/domain/refusal";
import { routineTemplatesSchema } from "@/lib/domain/visit/visit-pack.schema";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { refusalResponse } from "@/lib/server/refusal";
import { districtRepository } from "@/lib/server/repositories/district-repository";

export const dynamic = "force-dynamic";

const EDITORS: readonly Role[] = ["office", "admin"];
const NO_DISTRICT = "当前账号未绑定区县，无法设置挂牌督导检查表";
const bodySchema = z.object({ codes: routineTemplatesSchema });

/** The checklists the district's 挂牌督导 visits propose (template codes). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refusal("forbidden", NO_DISTRICT));
  return Response.json({
    codes: await districtRepository.getRoutineTemplates(getDb(), user.districtId),
  });
});

/** Replaces the set; inspectors get it with their next visit pack. */
export const PUT = apiRoute(async function PUT(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refusal("forbidden", NO_DISTRICT));
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const parsed = bodySchema.safeParse(read.body);
  if (!parsed.success) return invalidInput(parsed.error);
  await districtRepository.setRoutineTemplates(getDb(), user.districtId, parsed.data.codes);
  return Response.json({ codes: parsed.data.codes });
});
