import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { OFFICE } from "@/lib/server/rectification/http";
import { getDashboard } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** Closure rate, overdue items, per zone and per school, and repeat findings for the office's district. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  return Response.json(await getDashboard(getDb(), user, systemClock.now()));
});
