import { toNextJsHandler } from "better-auth/next-js";

import { apiRoute } from "@/lib/server/api-route";
import { getAuth } from "@/lib/server/auth/auth";

export const dynamic = "force-dynamic";

const handler = apiRoute((request: Request) => getAuth().handler(request));
export const { GET, POST } = toNextJsHandler(handler);
