import type { Role } from "@/lib/domain/org/org.schema";
import { refusal } from "@/lib/domain/refusal";
import { deadlinePolicySchema } from "@/lib/domain/template/deadline-policy.schema";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput, readJsonBody } from "@/lib/server/http";
import { refusalResponse } from "@/lib/server/refusal";
import { districtRepository } from "@/lib/server/repositories/district-repository";

export const dynamic = "force-dynamic";

/** The office sets its own district's policy; an admin only when bound to a district. */
const POLICY_EDITORS: readonly Role[] = ["office", "admin"];
const NO_DISTRICT = "当前账号未绑定区县，无法设置整改期限";

/** The office's district's deadline policy per severity (defaults when never set). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, POLICY_EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refusal("forbidden", NO_DISTRICT));
  return Response.json({
    policy: await districtRepository.getDeadlinePolicy(getDb(), user.districtId),
  });
});

/** Replaces the policy; findings made from now on take their default due dates from it. */
export const PUT = apiRoute(async function PUT(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, POLICY_EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refusal("forbidden", NO_DISTRICT));
  const read = await readJsonBody(request);
  if (!read.ok) return read.response;
  const parsed = deadlinePolicySchema.safeParse(read.body);
  if (!parsed.success) return invalidInput(parsed.error);
  await districtRepository.setDeadlinePolicy(getDb(), user.districtId, parsed.data);
  return Response.json({ policy: parsed.data });
});
