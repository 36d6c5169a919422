import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 台账: items in scope, filtered by ?status=a,b&overdue=true&school=…&zone=…&severity=…. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const filters = itemFiltersSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!filters.success) return invalidInput(filters.error);
  return Response.json({ items: await listItems(getDb(), user, filters.data, systemClock.now()) });
});
