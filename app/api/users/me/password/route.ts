import { changePasswordInputSchema } from "@/lib/domain/org/people";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { clientIpOf } from "@/lib/server/client-ip";
import { getDb } from "@/lib/server/db/client";
import { parseBody } from "@/lib/server/org/http";
import { changeOwnPassword } from "@/lib/server/org/people-service";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/** 修改密码 for whoever is signed in (open also while a reset forces the change). */
export const POST = apiRoute(async function POST(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, undefined, { allowPasswordChange: true });
  if (error) return error;
  const body = await parseBody(request, changePasswordInputSchema);
  if (!body.ok) return body.response;
  const refused = await changeOwnPassword(
    getDb(),
    user,
    body.data,
    Date.now(),
    clientIpOf(request.headers),
  );
  return refused ? refusalResponse(refused) : Response.json({ ok: true });
});
