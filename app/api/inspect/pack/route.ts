import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { buildVisitPack } from "@/lib/server/sync/build-pack";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The signed-in inspector's visit pack (`visitPackSchema`). */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, ["inspector"]);
  if (error) return error;
  return Response.json(await buildVisitPack(getDb(), user, systemClock.now()));
});
