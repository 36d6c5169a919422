import { refused } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { issuedDocumentsFor } from "@/lib/server/documents/documents";
import { type IdParams } from "@/lib/server/rectification/http";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/** The notice number a synced visit produced, for the inspector's visit list. */
export const GET = apiRoute(async function GET(
  request: Request,
  { params }: { params: IdParams },
): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const issued = await issuedDocumentsFor(getDb(), user, (await params).id);
  if (issued === null)
    return refusalResponse(refused("not_found", "检查尚未同步到服务器或无权查看"));
  return Response.json(issued, { headers: { "Cache-Control": "private, no-store" } });
});
