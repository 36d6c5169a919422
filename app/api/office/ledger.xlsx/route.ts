import { toChinaDate } from "@/lib/domain/dates";
import { apiRoute } from "@/lib/server/api-route";
import { requireApiUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { invalidInput } from "@/lib/server/http";
import { fileResponse, OFFICE } from "@/lib/server/rectification/http";
import { buildLedgerWorkbook } from "@/lib/server/rectification/ledger";
import { itemFiltersSchema, listItems } from "@/lib/server/rectification/queries";
import { systemClock } from "@/lib/utils/clock";

export const dynamic = "force-dynamic";

/** The 整改台账 as .xlsx, with the same filters as GET /api/rectification/items. */
export const GET = apiRoute(async function GET(request: Request): Promise<Response> {
  const { user, error } = await requireApiUser(request, OFFICE);
  if (error) return error;
  const filters = itemFiltersSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!filters.success) return invalidInput(filters.error);
  const now = systemClock.now();
  const today = toChinaDate(now);
  const rows = await listItems(getDb(), user, filters.data, now);
  return fileResponse(await buildLedgerWorkbook(rows, today), {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `整改台账-${today}.xlsx`,
    fallback: `ledger-${today}.xlsx`,
    disposition: "attachment",
  });
});
