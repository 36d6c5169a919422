import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { listNoticePage, noticeListQuerySchema } from "@/lib/server/rectification/queries";
import { refusalResponse } from "@/lib/server/refusal";

export const dynamic = "force-dynamic";

/**
 * The 整改通知书 the user may see, newest first, with their items' status counts, a page at a time
 * (?after= / ?before= / ?limit=, optionally ?school=). Answers { notices, page, total, unread }.
 */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const query = noticeListQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!query.success) return invalidInput(query.error);
  const result = await listNoticePage(getReadDb(), user, query.data);
  if ("error" in result) return refusalResponse(refusal("invalid_input", result.error));
  return Response.json(result);
});
