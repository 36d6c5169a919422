import "server-only";

import { toChinaDate } from "@/lib/domain/dates";
import { systemClock } from "@/lib/utils/clock";

import { OFFICE, streamResponse } from "./http";
import { streamLedgerCsv, streamLedgerXlsx } from "./ledger";
import { apiRoute } from "../api-route";
import { requireApiUser } from "../auth/session";
import { getReadDb } from "../db/client";
import { invalidInput } from "../http";
import { itemFiltersSchema } from "../repositories/rectification/ledger-query";

const FORMATS = {
  csv: { stream: streamLedgerCsv, type: "text/csv; charset=utf-8" },
  xlsx: {
    stream: streamLedgerXlsx,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
} as const;

/** The GET handler of one 整改台账 download: the office's scope and the ledger's filters, streamed. */
export function ledgerExportRoute(format: keyof typeof FORMATS) {
  const { stream, type } = FORMATS[format];
  return apiRoute(async function GET(request: Request): Promise<Response> {
    const { user, error } = await requireApiUser(request, OFFICE);
    if (error) return error;
    const filters = itemFiltersSchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!filters.success) return invalidInput(filters.error);
    const now = systemClock.now();
    const today = toChinaDate(now);
    return streamResponse(stream({ db: getReadDb(), user, filters: filters.data, now }), {
      type,
      filename: `整改台账-${today}.${format}`,
      fallback: `ledger-${today}.${format}`,
      disposition: "attachment",
    });
  });
}
