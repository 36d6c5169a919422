import type { Role } from "@/lib/domain/org/org.schema";
import { visitRuleSchema } from "@/lib/domain/plan/visit-rule";
import { refused } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { parseBody } from "@/lib/server/org/http";
import { refusalResponse } from "@/lib/server/refusal";
import { districtRepository } from "@/lib/server/repositories/district-repository";

export const dynamic = "force-dynamic";

const RULE_EDITORS: readonly Role[] = ["office", "admin"];
const NO_DISTRICT = "当前账号未绑定区县，无法设置挂牌督导规则";

/** The office's district's 挂牌督导 rule (the default when never set). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, RULE_EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refused("forbidden", NO_DISTRICT));
  return Response.json({ rule: await districtRepository.getVisitRule(getDb(), user.districtId) });
});

/** Replaces the rule; coverage and the inspectors' next packs follow it. */
export const PUT = apiRoute(async function PUT(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, RULE_EDITORS);
  if (error) return error;
  if (!user.districtId) return refusalResponse(refused("forbidden", NO_DISTRICT));
  const body = await parseBody(request, visitRuleSchema);
  if (!body.ok) return body.response;
  await districtRepository.setVisitRule(getDb(), user.districtId, body.data);
  return Response.json({ rule: body.data });
});
