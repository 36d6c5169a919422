import { dashboardFiltersSchema } from "@/lib/domain/analytics/filters";
import { getDashboard } from "@/lib/server/analytics/dashboard";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { OFFICE } from "@/lib/server/rectification/http";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * GET ?zone=&school=&inspector=&domain=&severity=&from=&to=&month=: the office's figures (closure,
 * on-time, days to close, overdue ageing, breakdowns, trend, repeat findings, coverage), computed
 * in SQL for the user's scope and the combined filters.
 */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = dashboardFiltersSchema.safeParse(params);
  if (!filters.success) return invalidInput(filters.error);
  return Response.json(await getDashboard(getDb(), user, filters.data, systemClock.now()));
});
