import { toNextJsHandler } from "better-auth/next-js";

import { apiRoute } from "@/lib/server/api-route";
import { getAuth } from "@/lib/server/auth/auth";
import { readTextBody } from "@/lib/server/http";
import { refuseUnsafeWrite } from "@/lib/server/request-guard";

export const dynamic = "force-dynamic";

/** A username and a password; anything larger is not a sign-in. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** better-auth reads the body whole, so it gets a copy read within the limit, after the cross-site check. */
const handler = apiRoute(async (request: Request): Promise<Response> => {
  const refused = refuseUnsafeWrite(request);
  if (refused) return refused;
  if (request.method !== "POST") return getAuth().handler(request);
  const read = await readTextBody(request, { maxBytes: MAX_AUTH_BODY_BYTES });
  if (!read.ok) return read.response;
  return getAuth().handler(
    new Request(request.url, { method: "POST", headers: request.headers, body: read.text }),
  );
});

export const { GET, POST } = toNextJsHandler(handler);
