import { refusal } from "@/lib/domain/refusal";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { refusalResponse } from "@/lib/server/refusal";
import {
  ledgerQuerySchema,
  listItemPage,
} from "@/lib/server/repositories/rectification/ledger-query";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/**
 * The 台账, a page at a time: items in scope filtered by ?zone=&school=&inspector=&domain=&severity=
 * &state=a,b&overdue=1&from=&to=&q=, sorted by ?sort=found|due&dir=asc|desc, paged by ?after= / ?before=
 * (the cursors in `page`) and ?limit= (≤ 200). Answers { items, page: { next, prev, limit }, total,
 * totalCapped } — `total` stops at 10,000 (totalCapped true past it).
 */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request);
  if (error) return error;
  const query = ledgerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error);
  const result = await listItemPage(getReadDb(), user, query.data, systemClock.now());
  if ("error" in result) return refusalResponse(refusal("invalid_input", result.error));
  return Response.json({
    items: result.rows,
    page: result.page,
    total: result.total,
    totalCapped: result.totalCapped,
  });
});
