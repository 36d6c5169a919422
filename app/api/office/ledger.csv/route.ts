import { toChinaDate } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { OFFICE, streamResponse } from "@/lib/server/rectification/http";
import { itemFiltersSchema } from "@/lib/server/rectification/item-query";
import { streamLedgerCsv } from "@/lib/server/rectification/ledger";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 整改台账 as CSV (UTF-8 with BOM, so Excel reads the Chinese), streamed, with the ledger's filters. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const filters = itemFiltersSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!filters.success) return invalidInput(filters.error);
  const now = systemClock.now();
  const today = toChinaDate(now);
  return streamResponse(streamLedgerCsv({ db: getReadDb(), user, filters: filters.data, now }), {
    type: "text/csv; charset=utf-8",
    filename: `整改台账-${today}.csv`,
    fallback: `ledger-${today}.csv`,
    disposition: "attachment",
  });
});
