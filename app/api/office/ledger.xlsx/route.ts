import { ledgerExportRoute } from "@/lib/server/rectification/ledger-route";

export const dynamic = "force-dynamic";

/** The 整改台账 as .xlsx (汇总 + one sheet per 检查领域), streamed, with the ledger's filters. */
export const GET = ledgerExportRoute("xlsx");
