import { toChinaDate } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getReadDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { OFFICE, streamResponse } from "@/lib/server/rectification/http";
import { itemFiltersSchema } from "@/lib/server/rectification/item-query";
import { streamLedgerXlsx } from "@/lib/server/rectification/ledger";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 整改台账 as .xlsx (汇总 + one sheet per 检查领域), streamed, with the ledger's filters. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const filters = itemFiltersSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!filters.success) return invalidInput(filters.error);
  const now = systemClock.now();
  const today = toChinaDate(now);
  return streamResponse(streamLedgerXlsx({ db: getReadDb(), user, filters: filters.data, now }), {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `整改台账-${today}.xlsx`,
    fallback: `ledger-${today}.xlsx`,
    disposition: "attachment",
  });
});
