import "server-only";

import { rectificationContracts } from "@/lib/contracts/rectification";
import { toChinaDate } from "@/lib/domain/dates";
import { systemClock } from "@/lib/utils/clock";

import { OFFICE, streamResponse } from "./http";
import { streamLedgerCsv, streamLedgerXlsx } from "./ledger";
import { contractRoute, signedIn } from "../contract-route";
import { getReadDb } from "../db/client";

const FORMATS = {
  csv: {
    contract: rectificationContracts.ledgerCsv,
    stream: streamLedgerCsv,
    type: "text/csv; charset=utf-8",
  },
  xlsx: {
    contract: rectificationContracts.ledgerXlsx,
    stream: streamLedgerXlsx,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
} as const;

/** The GET handler of one 整改台账 download: the office's scope and the ledger's filters, streamed. */
export function ledgerExportRoute(format: keyof typeof FORMATS) {
  const { contract, stream, type } = FORMATS[format];
  return contractRoute(contract, signedIn(OFFICE), ({ caller: { user }, query }) => {
    const now = systemClock.now();
    const today = toChinaDate(now);
    const rows = stream({ db: getReadDb(), user, filters: query, now });
    return Promise.resolve(
      streamResponse(rows, {
        type,
        filename: `整改台账-${today}.${format}`,
        fallback: `ledger-${today}.${format}`,
        disposition: "attachment",
      }),
    );
  });
}
