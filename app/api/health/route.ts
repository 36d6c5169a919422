import { apiRoute } from "@/lib/server/api-route";
import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
