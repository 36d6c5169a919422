import { ledgerExportRoute } from "@/lib/server/rectification/ledger-route";

export const dynamic = "force-dynamic";

/** The 整改台账 as CSV (UTF-8 with BOM, so Excel reads the Chinese), streamed, with the ledger's filters. */
export const GET = ledgerExportRoute("csv");
